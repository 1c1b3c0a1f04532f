/*
 * ECharts glue for the pages: every element with a data-echarts attribute (an ECharts option as JSON, built by
 * ui/ChartConfig on the server) becomes a chart, again after each ajax update. No inline script is needed, so the
 * pages keep their Content-Security-Policy. Tooltips render as rich text in the canvas (no HTML from data: a
 * container named <script> stays text). A node with "tip" shows it as its tooltip; one with "href" opens that
 * page, relative to the element's data-base. An element inside [data-query] also keeps the page's URL in step with
 * its filters (bookmarkable without a reload).
 */
(function () {
    "use strict";

    function draw(element) {
        if (!window.echarts) {
            return;
        }
        var old = window.echarts.getInstanceByDom(element);
        if (old) {
            old.dispose();
        }
        var option;
        try {
            option = JSON.parse(element.getAttribute("data-echarts"));
        } catch (e) {
            element.textContent = "The chart could not be read.";
            return;
        }
        option.tooltip = option.tooltip || {};
        option.tooltip.formatter = function (params) {
            var data = params.data || {};
            return data.tip ? String(data.tip) : String(params.name || "");
        };
        var chart = window.echarts.init(element, null, { renderer: "canvas" });
        chart.setOption(option);
        var base = element.getAttribute("data-base") || "";
        chart.on("click", function (params) {
            if (params.data && params.data.href) {
                window.location.href = base + params.data.href;
            }
        });
        element.setAttribute("data-drawn", "true");
    }

    function keepUrl() {
        var results = document.querySelector("[data-query]");
        if (results && window.history && window.history.replaceState) {
            window.history.replaceState(null, "", window.location.pathname + results.getAttribute("data-query"));
        }
    }

    function drawAll() {
        document.querySelectorAll("[data-echarts]").forEach(draw);
        keepUrl();
    }

    document.addEventListener("DOMContentLoaded", drawAll);
    if (window.jQuery) {
        window.jQuery(document).on("pfAjaxComplete", drawAll);
    }
    window.addEventListener("resize", function () {
        document.querySelectorAll("[data-echarts]").forEach(function (element) {
            var chart = window.echarts && window.echarts.getInstanceByDom(element);
            if (chart) {
                chart.resize();
            }
        });
    });
}());
