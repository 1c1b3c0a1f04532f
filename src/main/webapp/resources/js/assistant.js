/* The Assistant page: follows the answer being streamed (server-sent events), shows its pieces as plain text,
   stops it on request, and at the end asks the page for the conversation as kept (the sanitised rendering). */
(function () {
    "use strict";

    var following = null;

    function byId(id) {
        return document.getElementById(id);
    }

    function finished() {
        var done = byId("assistantForm:answered");
        if (done) { done.click(); }
    }

    function connect() {
        var live = byId("assistantForm:live");
        if (!live || live.getAttribute("data-connected")) { return; }
        live.setAttribute("data-connected", "true");
        if (following) { following.close(); }
        var text = byId("liveText");
        var status = byId("liveStatus");
        var pieces = 0;
        var source = new EventSource(live.getAttribute("data-stream-url"));
        following = source;
        source.addEventListener("piece", function (event) {
            text.textContent += JSON.parse(event.data).text;
            pieces += 1;
            live.setAttribute("data-pieces", String(pieces));
        });
        source.addEventListener("end", function (event) {
            source.close();
            following = null;
            var end = JSON.parse(event.data);
            live.setAttribute("data-ended", end.status);
            status.textContent = end.status === "failed" ? "failed: " + (end.message || "") : end.status;
            finished();
        });
        source.onerror = function () {
            source.close();
            following = null;
            if (!live.getAttribute("data-ended")) {
                live.setAttribute("data-ended", "lost");
                status.textContent = "connection lost: the answer is kept in the conversation";
                finished();
            }
        };
        byId("stopAnswer").addEventListener("click", function () {
            status.textContent = "stopping…";
            fetch(live.getAttribute("data-stop-url"), {method: "POST", credentials: "same-origin",
                headers: {"X-Requested-With": "XMLHttpRequest"}});
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", connect);
    } else {
        connect();
    }
    if (window.jQuery) {
        window.jQuery(document).on("pfAjaxComplete", connect);
    }
})();
