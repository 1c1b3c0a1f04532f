/*
 * Container health: opens a container's details when its row is clicked anywhere. (The address bar follows the
 * filters through the shell's address keeper: the page marks its state with data-query.)
 */
(function () {
    "use strict";

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

})();
