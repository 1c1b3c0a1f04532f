package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.HealthQuery;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.ContainerTrouble;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.LazyRows;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Container health page (health.xhtml): the attention list, running containers by health check state, and a
 * lazy table of containers by health with filters for health, trouble and a search, kept in the URL
 * (?health=unhealthy&amp;trouble=any&amp;search=web). Everything is read from the snapshot.
 */
@Named
@ViewScoped
public class HealthView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    private String health;
    private String trouble;
    private String search;
    /** The table: each page one health query over the snapshot, sorted by the column's field. */
    private final LazyRows<FleetContainer, HealthQuery.Sort, HealthRow> rows = new LazyRows<>(
            (sort, desc) -> snapshot() == null ? List.of()
                    : queries.containerHealth(snapshot(), query().withSort(sort, desc)),
            HealthQuery.Sort.class, HealthQuery.Sort.WORST, false,
            c -> HealthRow.of(c, snapshot().inspections()), HealthRow::key);
    private transient FacesContext shownFor;
    private transient FleetSnapshot shown;
    private transient Map<ContainerHealth, Integer> healthOfRunning;

    /** The URL's filters: unknown values are ignored (the page shows every container), never an error page. */
    public void applyUrl() {
        health = known(health, ContainerHealth.class);
        if (trouble != null && !trouble.equalsIgnoreCase("any")) {
            trouble = known(trouble, ContainerTrouble.class);
        }
    }

    private static <E extends Enum<E>> String known(String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant.name().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    HealthQuery query() {
        ContainerHealth healthFilter = health == null ? null : ContainerHealth.valueOf(health.toUpperCase(Locale.ROOT));
        ContainerQuery containers = new ContainerQuery(search, null, null, null, null, healthFilter, true,
                ContainerQuery.Sort.NAME, false);
        return HealthFilter.query(containers, trouble, HealthQuery.Sort.WORST, false);
    }

    /** The filters changed: the table starts again at its first page (the lazy model reads them on load). */
    public void filter() {
        // nothing to do: the model asks query() on its next load
    }

    /** The snapshot this request shows, read once per request (the view outlives requests; snapshots change). */
    private FleetSnapshot snapshot() {
        FacesContext request = FacesContext.getCurrentInstance();
        if (shownFor != request) {
            shown = snapshots.ifPresent().orElse(null);
            healthOfRunning = shown == null ? Map.of() : queries.healthOfRunning(shown);
            shownFor = request;
        }
        return shown;
    }

    public boolean isReady() {
        return snapshot() != null;
    }

    public List<AttentionRows.Row> getAttention() {
        return AttentionRows.of(snapshot());
    }

    public String getAttentionCounts() {
        return AttentionRows.counts(snapshot());
    }

    /** Running containers by health check state, each with a link that filters the table. */
    public List<Bucket> getDistribution() {
        snapshot();
        Map<ContainerHealth, Integer> tally = healthOfRunning;
        List<Bucket> buckets = new ArrayList<>();
        for (ContainerHealth state : ContainerHealth.values()) {
            buckets.add(new Bucket(state, tally.get(state)));
        }
        return buckets;
    }

    /** Chart.js doughnut of the distribution, in the shared chart helper. */
    public String getDistributionChart() {
        snapshot();
        Map<ContainerHealth, Integer> tally = healthOfRunning;
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        List<String> colors = new ArrayList<>();
        for (ContainerHealth state : ContainerHealth.values()) {
            labels.add(label(state));
            values.add(tally.get(state));
            colors.add(StateColors.of(state));
        }
        return ChartConfig.doughnut().labels(labels).dataset(ChartConfig.Dataset.of("Running containers", values)
                .colors(colors)).legend("bottom").json();
    }

    public int getRunning() {
        return snapshot().counts().containersRunning();
    }

    /** Restart counts come from inspect after a refresh: how many crash loops have one, and since when. */
    public String getInspectNote() {
        FleetSnapshot snapshot = snapshot();
        var facts = snapshot.crashLoopInspections();
        int loops = snapshot.attentionCounts().getOrDefault(io.fleetdashboard.fleet.entity.Attention.Kind.CRASH_LOOP,
                0);
        if (loops == 0) {
            return "No container is crash-looping.";
        }
        return "Restart counts of " + facts.size() + " of " + loops + " crash-looping containers come from Docker's "
                + "inspect" + facts.stream().map(f -> f.inspectedAt()).min(java.time.Instant::compareTo)
                .map(at -> ", read since " + at).orElse("") + "; the rest are inspected after the next refreshes.";
    }

    public LazyRows<FleetContainer, HealthQuery.Sort, HealthRow> getRows() {
        return rows;
    }

    /** The filters as the address's query ("?trouble=crash_loop"), for the shell's address keeper (data-query). */
    public String getQueryString() {
        return parameters();
    }

    /** The CSV of every row the filters match, from the JSON twin. */
    public String getCsvUrl() {
        return contextPath() + "/api/v1/container-health/containers.csv" + parameters();
    }

    private String parameters() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "health", health);
        add(query, "trouble", trouble);
        add(query, "search", search);
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static String contextPath() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    public ContainerHealth[] getHealthStates() {
        return ContainerHealth.values();
    }

    public ContainerTrouble[] getTroubles() {
        return ContainerTrouble.values();
    }

    public String label(Enum<?> value) {
        return switch (value.name()) {
            case "HEALTHY" -> "healthy";
            case "UNHEALTHY" -> "unhealthy";
            case "STARTING" -> "starting";
            case "NONE" -> "no health check";
            case "CRASH_LOOP" -> "crash-looping";
            case "EXITED_WITH_ERROR" -> "exited with an error";
            case "OOM_KILLED" -> "OOM-killed";
            default -> value.name().toLowerCase(Locale.ROOT);
        };
    }

    public String value(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public String getHealth() {
        return health;
    }

    public void setHealth(String health) {
        this.health = health == null || health.isBlank() ? null : health;
    }

    public String getTrouble() {
        return trouble;
    }

    public void setTrouble(String trouble) {
        this.trouble = trouble == null || trouble.isBlank() ? null : trouble;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search;
    }

    /** One slice of the distribution; JavaBean getters for EL. */
    public final class Bucket {
        private final ContainerHealth state;
        private final int count;

        Bucket(ContainerHealth state, int count) {
            this.state = state;
            this.count = count;
        }

        public String getState() {
            return value(state);
        }

        public String getLabel() {
            return label(state);
        }

        public int getCount() {
            return count;
        }

        public String getUrl() {
            StringJoiner query = new StringJoiner("&", "?", "");
            add(query, "health", value(state));
            add(query, "trouble", trouble);
            add(query, "search", search);
            return contextPath() + "/health.xhtml" + query;
        }
    }
}
