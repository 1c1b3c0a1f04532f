/*
 * ECharts charts of the fleet pages (treemaps): every element with class "echart" holds its option tree, built on
 * the server, as JSON in data-options. Drawn on load and again after any ajax update that replaces them; follows
 * the dark theme and the element's size.
 */
(function () {
    "use strict";

    function draw(element) {
        if (!window.echarts || element.getAttribute("data-drawn") === element.getAttribute("data-options")) {
            return;
        }
        var dark = document.body.classList.contains("theme-dark");
        var existing = echarts.getInstanceByDom(element);
        if (existing) { existing.dispose(); }
        var chart = echarts.init(element, dark ? "dark" : null, { renderer: "canvas" });
        var options = JSON.parse(element.getAttribute("data-options"));
        if (dark) { options.backgroundColor = "transparent"; }
        chart.setOption(options);
        element.setAttribute("data-drawn", element.getAttribute("data-options"));
    }

    function drawAll() {
        document.querySelectorAll(".echart[data-options]").forEach(draw);
    }

    function resize() {
        document.querySelectorAll(".echart[data-drawn]").forEach(function (element) {
            var chart = window.echarts && echarts.getInstanceByDom(element);
            if (chart) { chart.resize(); }
        });
    }

    function start() {
        drawAll();
        window.addEventListener("resize", resize);
        if (window.jQuery) {
            jQuery(document).on("pfAjaxComplete", drawAll);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", start);
    } else {
        start();
    }
}());
