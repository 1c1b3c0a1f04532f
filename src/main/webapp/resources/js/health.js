/*
 * Container health: keeps the address bar in step with the table's filters (so the view can be bookmarked and
 * shared) after every ajax update, and opens a container's details when its row is clicked anywhere.
 */
(function () {
    "use strict";

    function syncUrl() {
        var state = document.querySelector("[data-page-url]");
        if (state && window.history && window.history.replaceState) {
            var url = state.getAttribute("data-page-url");
            if (url && url !== window.location.pathname + window.location.search) {
                window.history.replaceState(null, "", url);
            }
        }
    }

    document.addEventListener("click", function (event) {
        var row = event.target.closest ? event.target.closest(".health-table tr.health-row") : null;
        if (!row || event.target.closest("a")) {
            return;
        }
        var link = row.querySelector("a.health-open");
        if (link) {
            window.location.href = link.getAttribute("href");
        }
    });

    document.addEventListener("DOMContentLoaded", function () {
        if (window.jQuery) {
            window.jQuery(document).on("pfAjaxComplete", syncUrl);
        }
    });
})();
