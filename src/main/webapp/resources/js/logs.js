/*
 * The Logs page: reads the logs from the API address the page names (data-url of #logOutput, set after "Fetch
 * logs"), shows them line by line (text only, never as HTML), colours levels and stderr, and searches them in the
 * browser: matches highlighted, optionally only the matching lines shown.
 */
(function () {
    "use strict";
    var MAX_LINES = 100000; // 10 containers of 10,000 lines: the most the API sends for one view
    var MAX_FOLLOW_LINES = 20000; // while following: the oldest lines go, so the page never grows without bound
    var MAX_PENDING = 5000; // lines that arrive while paused
    var loadedUrl = null;
    var lines = [];
    var request = 0;
    var fetchedAt = 0;
    var follow = null;
    var paused = false;
    var pending = [];

    function byId(id) { return document.getElementById(id); }

    function levelClass(text) {
        if (/\[docker\] /.test(text)) { return "log-system"; }
        if (/\b(ERROR|FATAL|CRITICAL|PANIC|panic:|SEVERE|Exception)\b/.test(text)) { return "log-error"; }
        if (/\b(WARN|WARNING)\b/.test(text)) { return "log-warn"; }
        if (/\b(DEBUG|TRACE)\b/.test(text)) { return "log-debug"; }
        return "";
    }

    function lineElement(text) {
        var line = document.createElement("span");
        line.className = "log-line";
        var level = levelClass(text);
        if (level) { line.classList.add(level); }
        if (text.indexOf("[stderr] ") >= 0) { line.classList.add("log-stderr"); }
        line.textContent = text + "\n";
        return line;
    }

    function render() {
        var box = byId("logLines");
        if (!box) { return; }
        var fragment = document.createDocumentFragment();
        lines.forEach(function (text) { fragment.appendChild(lineElement(text)); });
        box.textContent = "";
        box.appendChild(fragment);
        search();
    }

    /** Adds followed lines at the end (scrolled along when the view was at the end), dropping the oldest. */
    function append(texts) {
        var box = byId("logLines");
        if (!box || texts.length === 0) { return; }
        var atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
        var fragment = document.createDocumentFragment();
        texts.forEach(function (text) { lines.push(text); fragment.appendChild(lineElement(text)); });
        box.appendChild(fragment);
        while (lines.length > MAX_FOLLOW_LINES) {
            lines.shift();
            box.removeChild(box.firstElementChild);
        }
        search();
        if (atEnd) { box.scrollTop = box.scrollHeight; }
        status("Following · " + lines.length + (lines.length === 1 ? " line" : " lines"));
    }

    function stopFollow(reason) {
        if (follow) { follow.close(); follow = null; }
        paused = false;
        pending = [];
        var output = byId("logsForm:logOutput");
        if (output) { output.classList.remove("logs-following"); }
        var start = byId("logFollow");
        if (start) { start.textContent = "Follow live"; }
        var pause = byId("logPause");
        if (pause) { pause.classList.add("logs-hidden"); pause.textContent = "Pause"; }
        if (reason) { status(reason); }
    }

    function startFollow() {
        var output = byId("logsForm:logOutput");
        var url = output && output.getAttribute("data-follow-url");
        if (!url) { return; }
        stopFollow(null);
        // after the last line shown when it carries Docker's timestamp, else after the fetch started
        var since = fetchedAt;
        var stamp = lines.length ? /^(\d{4}-\d\d-\d\dT[\d:.]+Z) /.exec(lines[lines.length - 1]) : null;
        if (stamp && !isNaN(Date.parse(stamp[1]))) { since = Date.parse(stamp[1]) + 1; }
        follow = new EventSource(url + "&since=" + since);
        output.classList.add("logs-following");
        byId("logFollow").textContent = "Stop following";
        byId("logPause").classList.remove("logs-hidden");
        status("Following…");
        follow.addEventListener("line", function (event) {
            if (paused) {
                pending.push(event.data);
                if (pending.length > MAX_PENDING) { pending.shift(); }
                status("Paused · " + pending.length + " new");
            } else {
                append([event.data]);
            }
        });
        follow.addEventListener("end", function (event) {
            append(pending.concat(["[docker] follow ended: " + event.data]));
            stopFollow("Follow ended: " + event.data);
        });
        follow.onerror = function () {
            // no automatic reconnect: it would start again from the first fetch and repeat lines
            stopFollow("Follow interrupted: the dashboard did not answer; start it again.");
        };
    }

    function togglePause() {
        paused = !paused;
        byId("logPause").textContent = paused ? "Resume" : "Pause";
        if (!paused) {
            var waiting = pending;
            pending = [];
            append(waiting);
        } else {
            status("Paused · 0 new");
        }
    }

    function highlight(element, text, needle) {
        element.textContent = "";
        var lower = text.toLowerCase();
        var at = 0;
        var found = lower.indexOf(needle, at);
        while (found >= 0) {
            element.appendChild(document.createTextNode(text.substring(at, found)));
            var mark = document.createElement("mark");
            mark.textContent = text.substring(found, found + needle.length);
            element.appendChild(mark);
            at = found + needle.length;
            found = lower.indexOf(needle, at);
        }
        element.appendChild(document.createTextNode(text.substring(at)));
    }

    function search() {
        var box = byId("logLines");
        var input = byId("logSearch");
        if (!box || !input) { return; }
        var needle = input.value.trim().toLowerCase();
        var only = byId("logOnlyMatching").checked;
        var matches = 0;
        var children = box.children;
        for (var i = 0; i < children.length; i++) {
            var text = lines[i];
            var hit = needle !== "" && text.toLowerCase().indexOf(needle) >= 0;
            if (hit) {
                matches++;
                highlight(children[i], text + "\n", needle);
            } else if (children[i].firstElementChild) {
                children[i].textContent = text + "\n";
            }
            children[i].classList.toggle("log-hidden", only && needle !== "" && !hit);
        }
        byId("logMatches").textContent = needle === "" ? "" : matches + (matches === 1 ? " matching line" : " matching lines");
    }

    function status(text) {
        var element = byId("logStatus");
        if (element) { element.textContent = text; }
    }

    function fail(message) {
        var error = byId("logError");
        error.textContent = message;
        error.classList.remove("logs-hidden");
        status("Not loaded");
    }

    function load() {
        var output = byId("logsForm:logOutput");
        if (!output) { loadedUrl = null; stopFollow(null); return; }
        var url = output.getAttribute("data-url");
        if (!url || (url === loadedUrl && byId("logLines").children.length > 0)) { return; }
        loadedUrl = url;
        stopFollow(null);
        fetchedAt = Date.now();
        var mine = ++request;
        lines = [];
        status("Loading…");
        fetch(url, {credentials: "same-origin", headers: {"Accept": "text/plain, application/json"}})
            .then(function (response) {
                return response.text().then(function (body) { return {response: response, body: body}; });
            })
            .then(function (answer) {
                if (mine !== request) { return; }
                if (!answer.response.ok) {
                    var message = "The logs could not be read (HTTP " + answer.response.status + ").";
                    try { message = JSON.parse(answer.body).message || message; } catch (notJson) { /* plain text */ }
                    fail(message);
                    return;
                }
                var all = answer.body.split("\n");
                if (all.length && all[all.length - 1] === "") { all.pop(); }
                lines = all.length > MAX_LINES ? all.slice(all.length - MAX_LINES) : all;
                render();
                status(lines.length === 0 ? "No lines" : "Showing " + lines.length + (lines.length === 1 ? " line" : " lines"));
                byId("logLines").setAttribute("data-loaded", "true");
            })
            .catch(function () {
                if (mine === request) { fail("The logs could not be read: the dashboard did not answer."); }
            });
    }

    function start() {
        document.addEventListener("input", function (event) {
            if (event.target && event.target.id === "logSearch") { search(); }
        });
        document.addEventListener("click", function (event) {
            if (!event.target) { return; }
            if (event.target.id === "logFollow") {
                if (follow) { stopFollow("Follow stopped"); } else { startFollow(); }
            } else if (event.target.id === "logPause") {
                togglePause();
            }
        });
        window.addEventListener("pagehide", function () { stopFollow(null); });
        document.addEventListener("change", function (event) {
            if (event.target && event.target.id === "logOnlyMatching") { search(); }
        });
        load();
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", load);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
