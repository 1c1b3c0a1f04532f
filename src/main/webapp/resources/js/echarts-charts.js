/*
 * ECharts charts of the fleet pages (treemaps, the network graph): every element with class "echart" holds its
 * option tree, built on the server by ui/ChartConfig, as JSON in data-options. Drawn on load and again after any
 * ajax update that replaces it; follows the dark theme and the element's size. No inline script is needed, so the
 * pages keep their Content-Security-Policy. Data items may carry "tip" (the tooltip, as plain text rendered in the
 * canvas, so a container named <script> stays text) and "href" (opened on click, relative to the element's
 * data-base).
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
        if (options.tooltip && options.tooltip.renderMode === "richText") {
            options.tooltip.formatter = function (params) {
                var data = params.data || {};
                return data.tip ? String(data.tip) : String(params.name || "");
            };
        }
        chart.setOption(options);
        var base = element.getAttribute("data-base") || "";
        chart.on("click", function (params) {
            if (params.data && params.data.href) {
                window.location.href = base + params.data.href;
            }
        });
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
