package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.AgeHistogram;
import io.fleetdashboard.fleet.entity.Tally;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.ChartConfig.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Charts of tallies for the fleet pages: Chart.js bars and doughnuts (p:chart) and ECharts treemaps, one chart
 * library per chart type on every page.
 */
final class TallyCharts {

    static final String BLUE = "#3b82f6";

    private TallyCharts() {
    }

    /** Horizontal bars, one per tally, in the given order (long names read better along the y axis). */
    static String bars(String label, List<Tally> tallies, String color) {
        return ChartConfig.bar().horizontal().legend("none").noAnimation()
                .labels(tallies.stream().map(Tally::label).toList())
                .dataset(Dataset.of(label, tallies.stream().map(Tally::count).toList()).color(color)).json();
    }

    /** A doughnut, one slice per tally, with one colour per slice. */
    static String doughnut(List<Tally> tallies, List<String> colors) {
        return ChartConfig.doughnut().legend("bottom").noAnimation()
                .labels(tallies.stream().map(t -> t.label() + " (" + t.count() + ")").toList())
                .dataset(Dataset.of(null, tallies.stream().map(Tally::count).toList()).colors(colors)).json();
    }

    /** Vertical bars of the histogram's bins. */
    static String histogram(String label, AgeHistogram histogram) {
        return ChartConfig.bar().legend("none").noAnimation()
                .labels(histogram.bins().stream().map(Tally::label).toList())
                .dataset(Dataset.of(label, histogram.bins().stream().map(Tally::count).toList()).color(BLUE))
                .set("options.scales.x.title.display", true).set("options.scales.x.title.text", "age (days)")
                .json();
    }

    /** A two-level treemap: each group's cells sized by their counts. */
    static String treemap(String name, Map<String, List<Tally>> groups) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        groups.forEach((group, cells) -> nodes.add(ChartConfig.node(group,
                cells.stream().mapToLong(Tally::count).sum(),
                cells.stream().map(c -> ChartConfig.node(c.label(), c.count(), List.of())).toList())));
        return ChartConfig.treemap(name, nodes).json();
    }
}
