/*
 * Session countdown for the shell: counts down locally, re-syncs with /session-status (which does not count as
 * activity) every minute and after every ajax request, offers "stay signed in" in the last minute, and goes to
 * the sign-in page when the time is up.
 */
(function () {
    "use strict";
    var PROMPT_SECONDS = 60;
    var SYNC_EVERY_SECONDS = 60;
    var deadline = 0;
    var element = null;

    function format(seconds) {
        if (seconds >= 2 * 86400) { return Math.floor(seconds / 86400) + " d"; }
        if (seconds >= 2 * 3600) { return Math.floor(seconds / 3600) + " h"; }
        if (seconds >= 60) { return Math.ceil(seconds / 60) + " min"; }
        return seconds + " s";
    }

    function dialog() {
        return window.PF ? PF("staySignedIn") : null;
    }

    function setRemaining(seconds) {
        deadline = Date.now() + seconds * 1000;
        tick();
    }

    function signIn() {
        var next = window.location.pathname + window.location.search;
        window.location.href = element.getAttribute("data-signin-url") + "?expired=true&next=" + encodeURIComponent(next);
    }

    function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        element.querySelector(".session-countdown-text").textContent = format(left);
        element.classList.toggle("session-ending", left <= PROMPT_SECONDS);
        var prompt = dialog();
        if (prompt) {
            var seconds = document.querySelector(".stay-signed-in-seconds");
            if (seconds) { seconds.textContent = left; }
            if (left <= PROMPT_SECONDS && left > 0 && !prompt.isVisible()) { prompt.show(); }
            if (left > PROMPT_SECONDS && prompt.isVisible()) { prompt.hide(); }
        }
        if (left === 0) { sync(signIn); }
    }

    function sync(whenEnded) {
        fetch(element.getAttribute("data-status-url"), { credentials: "same-origin", cache: "no-store" })
            .then(function (response) { return response.json(); })
            .then(function (status) {
                setRemaining(status.remainingSeconds);
                if (status.remainingSeconds <= 0 && whenEnded) { whenEnded(); }
            })
            .catch(function () { /* offline: keep counting locally */ });
    }

    function start() {
        element = document.querySelector(".session-countdown");
        if (!element) { return; }
        setRemaining(parseInt(element.getAttribute("data-remaining"), 10) || 0);
        window.setInterval(tick, 1000);
        window.setInterval(function () { sync(null); }, SYNC_EVERY_SECONDS * 1000);
        // Any ajax request by the user counts as activity on the server: pick up the new deadline.
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", function () { sync(null); });
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());

/*
 * Keyboard: "/" focuses the page's search box (any element with data-focus-key="/"), unless the user is typing.
 */
(function () {
    "use strict";
    document.addEventListener("keydown", function (event) {
        if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) { return; }
        var active = document.activeElement;
        var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
        var search = document.querySelector("[data-focus-key='/']");
        if (typing || !search) { return; }
        event.preventDefault();
        search.focus();
        if (search.select) { search.select(); }
    });
}());

/*
 * Pages whose filters change by ajax mark an element with data-query (the filters as "?a=1&b=2"): the address
 * follows it on load and after every update, so the view can be bookmarked, shared and reloaded as it is.
 */
(function () {
    "use strict";
    function keepAddress() {
        var state = document.querySelector("[data-query]");
        if (!state || !window.history || !window.history.replaceState) { return; }
        var query = state.getAttribute("data-query") || "";
        if (window.location.search !== query) {
            window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
        }
    }
    function start() {
        keepAddress();
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", keepAddress);
        }
    }
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
