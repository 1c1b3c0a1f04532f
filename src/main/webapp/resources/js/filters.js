/*
 * Filter forms of the fleet pages (plain GET forms, so the URL keeps the filters): each select shows the value of
 * its data-value (the filter in the URL), a choice in a select of a form marked data-auto-submit submits it at
 * once, and "/" anywhere outside a text field focuses the page's search box ([data-focus-key="/"], the same
 * convention as the Workloads page's handler in shell.js: once both are on one branch, this part can go).
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
        document.addEventListener("keydown", function (event) {
            var target = event.target;
            var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
            if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
                var search = document.querySelector("[data-focus-key='/']");
                if (search) {
                    event.preventDefault();
                    search.focus();
                    search.select();
                }
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
