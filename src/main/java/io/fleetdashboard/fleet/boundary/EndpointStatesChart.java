package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.entity.EndpointStates;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.ChartConfig.Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The Workloads chart: one horizontal bar per endpoint (in the order of the bars, so a click's item index is the
 * bar's index), stacked by container state, one dataset per state that occurs.
 */
final class EndpointStatesChart {

    private EndpointStatesChart() {
    }

    static String json(List<EndpointStates> bars) {
        List<String> labels = new ArrayList<>();
        for (EndpointStates bar : bars) {
            labels.add(label(bar));
        }
        ChartConfig chart = ChartConfig.stackedBar().horizontal().labels(labels).legend("bottom").noAnimation()
                .set("options.scales.x.ticks.precision", 0)
                .set("options.scales.x.title.display", true)
                .set("options.scales.x.title.text", "containers");
        for (ContainerState state : ContainerState.values()) {
            List<Integer> counts = new ArrayList<>();
            boolean any = false;
            for (EndpointStates bar : bars) {
                int n = bar.count(state);
                counts.add(n);
                any |= n > 0;
            }
            if (any) {
                chart.dataset(Dataset.of(state.label(), counts).color(StateColors.of(state)));
            }
        }
        return chart.json();
    }

    /** "agent-7 (Production)", or "others (12 endpoints)" for the grouped bar. */
    static String label(EndpointStates bar) {
        if (bar.others()) {
            return "others (" + bar.endpoints() + " endpoint" + (bar.endpoints() == 1 ? ")" : "s)");
        }
        return bar.endpointName() + " (" + bar.environment() + ")";
    }
}
