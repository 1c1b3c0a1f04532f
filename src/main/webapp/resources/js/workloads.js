/*
 * Workloads: keeps the address bar in step with the filters (the server renders them as data-query after every
 * change), so the view can be bookmarked, shared and reloaded as it is.
 */
(function () {
    "use strict";

    function syncAddress() {
        var state = document.querySelector(".workloads-query");
        if (!state || !window.history || !window.history.replaceState) { return; }
        var query = state.getAttribute("data-query") || "";
        if (window.location.search !== query) {
            window.history.replaceState(null, "", window.location.pathname + query + window.location.hash);
        }
    }

    function start() {
        syncAddress();
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", syncAddress);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
