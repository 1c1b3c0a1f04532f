package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetCounts;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Circuit;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.ui.Ages;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.ChartConfig.Dataset;
import io.fleetdashboard.ui.Sizes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The Home page: everything comes from the snapshot's precomputed aggregates (counts, per-state tallies, the
 * ranked attention list, per-environment states), so it costs the same at 50 containers or 50,000.
 */
@Named
@RequestScoped
public class HomeView {

    @Inject
    Snapshots snapshots;

    @Inject
    FleetCollector collector;

    @Inject
    PortainerGateway gateway;

    Clock clock = Clock.systemUTC();

    private FleetSnapshot snapshot;

    @PostConstruct
    void load() {
        snapshot = snapshots.ifPresent().orElse(null);
        if (snapshot == null) {
            collector.refresh(); // the first collection; the page says so and polls
        }
    }

    public boolean isReady() {
        return snapshot != null;
    }

    public FleetCounts getCounts() {
        return snapshot.counts();
    }

    public List<Kpi> getKpis() {
        FleetCounts c = snapshot.counts();
        return List.of(
                new Kpi("kpiEnvironments", "Environments", c.environments(),
                        snapshot.demo() ? "simulated Portainer servers" : "Portainer servers", "neutral"),
                new Kpi("kpiEndpointsOnline", "Endpoints online", c.endpointsOnline(),
                        "of " + c.endpointsTotal(), "good"),
                new Kpi("kpiEndpointsOffline", "Endpoints offline", c.endpointsOffline(),
                        c.endpointsStale() + " with stale data", c.endpointsOffline() > 0 ? "bad" : "neutral"),
                new Kpi("kpiContainersRunning", "Containers running", c.containersRunning(),
                        "of " + c.containersTotal() + (c.containersFromPortainerSnapshot() > 0
                                ? " · " + c.containersFromPortainerSnapshot() + " from Portainer snapshots (async edge)"
                                : ""), "good").linkedTo("state=running"),
                new Kpi("kpiContainersStopped", "Containers stopped", c.containersStopped(),
                        "not running", "neutral").linkedTo("state=" + ContainerQuery.STOPPED),
                new Kpi("kpiContainersUnhealthy", "Unhealthy", c.containersUnhealthy(),
                        c.containersHealthy() + " healthy", c.containersUnhealthy() > 0 ? "warn" : "neutral")
                        .linkedTo("health=unhealthy"),
                new Kpi("kpiContainersRestarting", "Restarting", c.containersRestarting(), "crash loops",
                        c.containersRestarting() > 0 ? "bad" : "neutral").linkedTo("state=restarting"),
                new Kpi("kpiStacks", "Stacks", c.stacksPortainer(), "managed by Portainer · "
                        + c.composeProjectsUnmanaged() + " other compose projects", "neutral"),
                new Kpi("kpiImages", "Images", c.imagesDistinct(), "distinct · " + c.imagesDangling() + " dangling · "
                        + Sizes.bytes(c.imagesDistinctSizeBytes()) + " · " + c.images() + " copies on endpoints",
                        "neutral"));
    }

    /** Chart.js configuration for the endpoint status doughnut. */
    public String getEndpointChart() {
        FleetCounts c = snapshot.counts();
        return ChartConfig.doughnut().labels("Online", "Offline")
                .dataset(Dataset.of(null, List.of(c.endpointsOnline(), c.endpointsOffline()))
                        .colors(List.of(StateColors.GOOD, StateColors.BAD)))
                .legend("bottom").json();
    }

    /** Chart.js configuration for the container states bar chart. */
    public String getStateChart() {
        List<String> labels = new java.util.ArrayList<>();
        List<Integer> values = new java.util.ArrayList<>();
        List<String> colors = new java.util.ArrayList<>();
        for (ContainerState state : ContainerState.values()) {
            int count = snapshot.containersByState().getOrDefault(state, 0);
            if (count > 0) {
                labels.add(state.label());
                values.add(count);
                colors.add(StateColors.of(state));
            }
        }
        return ChartConfig.bar().labels(labels).dataset(Dataset.of("Containers", values).colors(colors))
                .legend("none").json();
    }

    public List<EnvironmentRow> getEnvironments() {
        return snapshot.environments().stream()
                .map(e -> new EnvironmentRow(e, gateway.circuit(e.name()), clock)).toList();
    }

    /** Worst first, a few per kind, each kind followed by "and N more …" when the snapshot has more of it. */
    public List<AttentionRows.Row> getAttention() {
        return AttentionRows.of(snapshot);
    }

    /** "2 endpoints could not be read · 5 endpoints offline · …": the count of every kind, worst first. */
    public String getAttentionCounts() {
        return AttentionRows.counts(snapshot);
    }

    /** A KPI card; JavaBean getters because EL cannot read record components. */
    public static final class Kpi {
        private final String id;
        private final String label;
        private final int value;
        private final String detail;
        private final String tone;
        private String workloadsQuery;

        Kpi(String id, String label, int value, String detail, String tone) {
            this.id = id;
            this.label = label;
            this.value = value;
            this.detail = detail;
            this.tone = tone;
        }

        public String getId() {
            return id;
        }

        public String getLabel() {
            return label;
        }

        public int getValue() {
            return value;
        }

        public String getDetail() {
            return detail;
        }

        public String getTone() {
            return tone;
        }

        /** The card opens the Workloads page filtered to what it counts (query parameters, e.g. "state=running"). */
        Kpi linkedTo(String query) {
            this.workloadsQuery = query;
            return this;
        }

        /** The Workloads query the card links to, or null for a card that links nowhere. */
        public String getWorkloadsQuery() {
            return workloadsQuery;
        }
    }

    public static final class EnvironmentRow {
        private final EnvironmentState state;
        private final String lastRefresh;
        private final Circuit circuit;
        private final String circuitNow;

        EnvironmentRow(EnvironmentState state, Circuit circuit, Clock clock) {
            this.state = state;
            this.circuit = circuit;
            this.circuitNow = circuit.describe(clock.instant());
            // the last successful read: a failed attempt does not make old data look new
            this.lastRefresh = Ages.ago(state.lastSuccessAt(), clock.instant());
        }

        public String getName() {
            return state.displayName();
        }

        public String getEndpoints() {
            return state.endpointsOnline() + " / " + state.endpoints() + " online";
        }

        public int getContainers() {
            return state.containers();
        }

        public String getLastRefresh() {
            return lastRefresh;
        }

        /** The breaker now (not as of the snapshot): closed, open with the next try, or half-open. */
        public String getCircuit() {
            return circuitNow;
        }

        /** closed, open or half_open: a CSS class and a data attribute for tests. */
        public String getCircuitState() {
            return circuit.state();
        }

        public String getDuration() {
            return Ages.duration(state.durationMillis());
        }

        public String getError() {
            if (state.error() != null) {
                return state.error().message() + " (last known data shown)";
            }
            List<String> problems = new java.util.ArrayList<>();
            if (state.stacksError() != null) {
                problems.add("stacks could not be read: " + state.stacksError().message());
            }
            if (state.endpointErrors() > 0) {
                problems.add(state.endpointErrors() + " endpoint(s) could not be read");
            }
            if (state.endpointsPending() > 0) {
                problems.add(state.endpointsPending() + " endpoint(s) pending");
            }
            return String.join("; ", problems);
        }
    }
}
