/*
 * Filter forms of the fleet pages (plain GET forms, so the URL keeps the filters): each select shows the value of
 * its data-value (the filter in the URL), a choice in a select of a form marked data-auto-submit submits it at
 * once ("/" focusing the search box is the shell's, shell.js).
 */
(function () {
    "use strict";

    function start() {
        document.querySelectorAll("select[data-value]").forEach(function (select) {
            var wanted = select.getAttribute("data-value");
            if (Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
                select.value = wanted;
            }
        });
        document.querySelectorAll("form[data-auto-submit] select").forEach(function (select) {
            select.addEventListener("change", function () { select.form.submit(); });
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
