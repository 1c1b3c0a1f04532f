/*
 * Live updates: an element with data-live-url (GET /api/v1/live?topics=...) and data-live-command (the name of a
 * p:remoteCommand) listens to the server's events and runs the command when one of its topics changes, at most once
 * a second; the page's slow poll stays as the fallback when the stream cannot be opened. The browser reconnects a
 * dropped stream by itself; the stream is closed when the page goes away.
 */
(function () {
    "use strict";

    function listen(element) {
        if (!window.EventSource) {
            return;
        }
        var url = element.getAttribute("data-live-url");
        var command = element.getAttribute("data-live-command");
        var topics = (element.getAttribute("data-live-topics") || "").split(",");
        var source = new EventSource(url);
        var pending = null;
        var run = function () {
            pending = null;
            if (typeof window[command] === "function") {
                window[command]();
            }
            element.setAttribute("data-live-updates", String(Number(element.getAttribute("data-live-updates") || 0) + 1));
        };
        topics.forEach(function (topic) {
            source.addEventListener(topic.trim(), function () {
                if (pending === null) {
                    pending = window.setTimeout(run, 1000);
                }
            });
        });
        source.addEventListener("open", function () {
            element.setAttribute("data-live-state", "open");
        });
        source.addEventListener("error", function () {
            element.setAttribute("data-live-state", source.readyState === 2 ? "closed" : "reconnecting");
        });
        window.addEventListener("pagehide", function () {
            source.close();
        });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll("[data-live-url]"), listen);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
})();
