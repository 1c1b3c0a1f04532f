package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.EndpointQuery;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.FleetTallies;
import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.control.StackQuery;
import io.fleetdashboard.fleet.entity.AgeHistogram;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.insights.control.StackImageChecks;
import io.fleetdashboard.ui.LazyRows;
import io.fleetdashboard.ui.PageParams;
import io.fleetdashboard.ui.QueryString;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The Edge agents &amp; stacks page (edge.xhtml): endpoints and stacks in lazy tables over the fleet queries, their
 * filters in the URL (a plain GET form, so a view can be bookmarked and shared), CSV links to the JSON twins with
 * the same filters, and the charts' figures from fleet/control.
 */
@Named
@ViewScoped
public class EdgeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StackImageChecks imageChecks;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @Inject
    FleetCollector collector;

    // URL parameters (f:viewParam): the endpoint table's, then the stack table's filters
    private String search;
    private String environment;
    private String status;
    private String kind;
    private String source;
    private String stackSearch;
    private String stackEndpoint;
    private String stackManager;
    private String stackStatus;

    private final LazyRows<FleetEndpoint, EndpointQuery.Sort, EndpointLine> endpoints = new LazyRows<>(
            (sort, desc) -> snapshot() == null ? List.of()
                    : queries.endpoints(snapshot(), endpointQuery().withSort(sort, desc)),
            EndpointQuery.Sort.class, EndpointQuery.Sort.ENVIRONMENT, false, e -> new EndpointLine(e, Instant.now()),
            EndpointLine::getKey);

    private final LazyRows<FleetStack, StackQuery.Sort, StackLine> stacks = new LazyRows<>(
            (sort, desc) -> snapshot() == null ? List.of()
                    : queries.stacks(snapshot(), stackQuery().withSort(sort, desc)),
            StackQuery.Sort.class, StackQuery.Sort.NAME, false,
            s -> new StackLine(s, queries.stackImages(snapshot(), s), imageChecks.check(s.key()).orElse(null)),
            StackLine::getKey);

    static final int TOP = 15;
    static final int TOP_IMAGES = 10;
    static final int TREEMAP_ENDPOINTS = 30;
    static final int TREEMAP_IMAGES = 8;
    static final int AGE_BINS = 20;

    private transient AgeHistogram ages;
    private final SnapshotPerRequest current = new SnapshotPerRequest();

    /** The current snapshot of this request (null until the first collection ends). */
    FleetSnapshot snapshot() {
        if (!current.readIn(FacesContext.getCurrentInstance())) {
            ages = null;
        }
        return current.get(snapshots, collector);
    }

    public boolean isReady() {
        return snapshot() != null;
    }

    /** What of the data is not this refresh's live read (empty when all is). */
    public String getFreshness() {
        return FreshnessNote.of(snapshot(), java.time.Instant.now());
    }

    EndpointQuery endpointQuery() {
        String wanted = status == null ? null : status.strip().toLowerCase(Locale.ROOT);
        Boolean online = "online".equals(wanted) ? Boolean.TRUE : "offline".equals(wanted) ? Boolean.FALSE : null;
        if (online == null && wanted != null && !wanted.isEmpty()) {
            PageParams.choice("status", status, Online.class);
        }
        return new EndpointQuery(search, environment, online, PageParams.choice("kind", kind, EndpointQuery.Kind.class),
                PageParams.choice("source", source, DataSource.class), EndpointQuery.Sort.ENVIRONMENT, false);
    }

    private enum Online { ONLINE, OFFLINE }

    StackQuery stackQuery() {
        String manager = stackManager == null ? "" : stackManager.strip().toLowerCase(Locale.ROOT);
        Boolean external = manager.equals("compose") ? Boolean.TRUE : manager.equals("portainer") ? Boolean.FALSE
                : null;
        if (external == null && !manager.isEmpty()) {
            PageParams.choice("stack manager", stackManager, Manager.class);
        }
        String wanted = stackStatus == null ? "" : stackStatus.strip().toLowerCase(Locale.ROOT);
        Boolean active = wanted.equals("active") ? Boolean.TRUE : wanted.equals("inactive") ? Boolean.FALSE : null;
        if (active == null && !wanted.isEmpty()) {
            PageParams.choice("stack status", stackStatus, Activity.class);
        }
        return new StackQuery(stackSearch, environment, stackEndpoint, external, active, StackQuery.Sort.NAME, false);
    }

    private enum Manager { PORTAINER, COMPOSE }

    private enum Activity { ACTIVE, INACTIVE }

    public LazyRows<FleetEndpoint, EndpointQuery.Sort, EndpointLine> getEndpoints() {
        return endpoints;
    }

    public LazyRows<FleetStack, StackQuery.Sort, StackLine> getStacks() {
        return stacks;
    }

    public List<String> getEnvironments() {
        return snapshot().environments().stream().map(e -> e.name()).toList();
    }

    /** The endpoints the stack filter offers: those of the chosen environment (all when none is chosen). */
    public List<EndpointChoice> getEndpointChoices() {
        return EndpointChoices.of(snapshot(), environment);
    }

    public String getEndpointsCsvUrl() {
        return context() + "/api/v1/endpoints.csv" + endpointParams(new QueryString());
    }

    public String getStacksCsvUrl() {
        StackQuery q = stackQuery();
        return context() + "/api/v1/stacks.csv" + new QueryString().add("search", q.search())
                .add("environment", q.environment()).add("endpoint", q.endpoint()).add("external", q.external())
                .add("status", q.active() == null ? null : q.active() ? "active" : "inactive");
    }

    private QueryString endpointParams(QueryString query) {
        return query.add("search", search).add("environment", environment).add("status", status)
                .add("kind", kind).add("dataSource", source);
    }

    /** This page showing only the stacks of one endpoint, keeping the endpoint filters. */
    public String stacksOf(String endpointKey) {
        return context() + "/edge.xhtml" + new QueryString().add("search", search).add("environment", environment)
                .add("status", status).add("kind", kind).add("dataSource", source).add("stackEndpoint", endpointKey)
                + "#stacks";
    }

    private static String context() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
    }

    // the charts: over the chosen environment (all when none is)

    private String scope() {
        return Listing.blankToNull(environment);
    }

    public String getHealthChart() {
        return TallyCharts.doughnut(FleetTallies.endpointHealth(snapshot(), scope()),
                List.of(StateColors.GOOD, StateColors.BAD));
    }

    public String getRunningChart() {
        return TallyCharts.bars("Running containers", FleetTallies.runningPerEndpoint(snapshot(), scope(), TOP),
                StateColors.GOOD);
    }

    public String getStacksChart() {
        return TallyCharts.bars("Stacks", FleetTallies.stacksPerEndpoint(snapshot(), scope(), TOP),
                TallyCharts.BLUE);
    }

    public String getImagesChart() {
        return TallyCharts.bars("Running containers", FleetTallies.runningImages(snapshot(), scope(), TOP_IMAGES),
                TallyCharts.BLUE);
    }

    public String getTreemap() {
        return TallyCharts.treemap("Running containers",
                FleetTallies.runningByEndpointAndImage(snapshot(), scope(), TREEMAP_ENDPOINTS, TREEMAP_IMAGES));
    }

    private AgeHistogram ages() {
        if (ages == null) {
            ages = FleetTallies.runningAge(snapshot(), scope(), Instant.now(), AGE_BINS);
        }
        return ages;
    }

    public String getAgeChart() {
        return TallyCharts.histogram("Running containers", ages());
    }

    /** "median 12.0 d · oldest 40.2 d · newest 0.1 d over 1,234 running containers". */
    public String getAgeSummary() {
        AgeHistogram a = ages();
        if (a.counted() == 0) {
            return "No running container with a creation time.";
        }
        return String.format(Locale.ROOT, "Median %.1f d · oldest %.1f d · newest %.1f d, over %d running containers",
                a.medianDays(), a.oldestDays(), a.newestDays(), a.counted());
    }

    // the URL parameters
    public String getSearch() { return search; }
    public void setSearch(String v) { search = v; }
    public String getEnvironment() { return environment; }
    public void setEnvironment(String v) { environment = v; }
    public String getStatus() { return status; }
    public void setStatus(String v) { status = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getStackSearch() { return stackSearch; }
    public void setStackSearch(String v) { stackSearch = v; }
    public String getStackEndpoint() { return stackEndpoint; }
    public void setStackEndpoint(String v) { stackEndpoint = v; }
    public String getStackManager() { return stackManager; }
    public void setStackManager(String v) { stackManager = v; }
    public String getStackStatus() { return stackStatus; }
    public void setStackStatus(String v) { stackStatus = v; }
}
