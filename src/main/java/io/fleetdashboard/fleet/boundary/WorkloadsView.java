package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.entity.AccessDeniedException;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.control.ContainerActions;
import io.fleetdashboard.containers.control.SelectionRuns;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.containers.entity.SelectionRun;
import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.containers.boundary.ContainerPageServlet;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.fleet.control.Degradation;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointStates;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.ui.Ages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.event.ItemSelectEvent;
import org.primefaces.event.SelectEvent;
import org.primefaces.event.data.SortEvent;

/**
 * The Workloads page (workloads.xhtml): every container of the snapshot in a lazy table ({@link ContainerRows}),
 * one search box and filters that are the API's query parameters (so the address bookmarks the view and the CSV
 * link exports the same rows), and a stacked bar of containers per endpoint by state where a click on a bar
 * filters the table to that endpoint. Thin: the queries run in fleet/control; this bean only translates.
 */
@Named
@ViewScoped
public class WorkloadsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Endpoints with a bar of their own; the rest share one "others" bar. */
    static final int TOP_ENDPOINTS = 15;

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @Inject
    FleetCollector collector;

    @Inject
    CurrentUser user;

    @Inject
    AccessPolicy policy;

    @Inject
    SelectionRuns selectionRuns;

    /** The API twin of the action bar: the Faces action needs the role this path needs for a POST. */
    static final String ACTIONS_API = "/api/v1/containers/actions";

    /** Names a confirmation lists before it says "and N more". */
    static final int NAMES_LISTED = 10;

    // The filters, in the API's spelling (bound to the inputs and to the address's query parameters).
    private String search;
    private String environment;
    private String endpoint;
    private String stack;
    private String state;
    private String health;
    private boolean includeStopped = true;
    /** includeStopped as the address spelled it, checked in {@link #load}. */
    private String includeStoppedParameter;

    private ContainerRows rows;
    /** The rows ticked in the table (operators), kept across pages by their keys. */
    private List<FleetContainer> selection = new ArrayList<>();
    /** The selection action this page started last, followed by polling. */
    private String runId;

    /** The bars last drawn, so a click's item index names its endpoint. */
    private List<String> barEndpoints = List.of();

    private transient FleetSnapshot snapshot;
    private transient FacesContext snapshotRequest;
    private transient Map<String, FleetEndpoint> endpointsByKey;
    private transient List<EndpointStates> bars;
    private transient List<SelectItem> endpointOptions;
    private transient String endpointOptionsFor;
    private transient FleetSnapshot barsFor;
    private transient ContainerQuery barsQuery;

    @PostConstruct
    void init() {
        rows = new ContainerRows(queries, snapshots);
        if (snapshots.ifPresent().isEmpty()) {
            collector.refresh(); // the first collection; the page says so and polls
        }
    }

    /** The address's parameters are in the fields: check them as the API does and show those rows. */
    public void load() {
        Map<String, String> parameters = new LinkedHashMap<>(currentParameters());
        parameters.put("includeStopped", includeStoppedParameter);
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        for (String name : List.of("sort", "order")) {
            String value = external.getRequestParameterMap().get(name);
            if (value != null) {
                parameters.put(name, value);
            }
        }
        try {
            rows.filter(ContainerFilter.query(parameters));
        } catch (BadRequestException e) {
            message(FacesMessage.SEVERITY_WARN, "Filter ignored", e.getMessage()
                    + " The page shows every container instead; choose the filter again.");
            clearFields();
            rows.filter(ContainerQuery.ALL);
        }
        fieldsFrom(rows.query());
    }

    /** A filter changed: the table starts again at its first page with the new filters. */
    public void filter() {
        try {
            rows.filter(ContainerFilter.query(currentParameters()).withSort(rows.query().sort(),
                    rows.query().descending()));
        } catch (BadRequestException e) {
            message(FacesMessage.SEVERITY_WARN, "Filter not applied", e.getMessage());
        }
    }

    /** The table was sorted: the address and the CSV link take the new order too. */
    public void sorted(SortEvent event) {
        // the table's state, not the event's copy: the event is made before the table decodes its new sort
        rows.sort(((DataTable) event.getComponent()).getSortByAsMap());
    }

    /** A bar of the chart was clicked: show that endpoint's containers (the "others" bar says how to go on). */
    public void barSelected(ItemSelectEvent event) {
        int index = event.getItemIndex();
        if (index < 0 || index >= barEndpoints.size()) {
            return;
        }
        String key = barEndpoints.get(index);
        if (key == null) {
            message(FacesMessage.SEVERITY_INFO, "Grouped endpoints",
                    "The \"others\" bar groups the smaller endpoints: choose one in the Endpoint filter.");
            return;
        }
        endpoint = key;
        filter();
    }

    public void clearEndpoint() {
        endpoint = null;
        filter();
    }

    public void clearFilters() {
        clearFields();
        filter();
    }

    /** A row was selected: open its container's details. */
    public void open(SelectEvent<FleetContainer> event) {
        FleetContainer container = event.getObject();
        if (container == null) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try {
            external.redirect(external.getRequestContextPath() + ContainerPageServlet.path(container.key()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void clearFields() {
        search = null;
        environment = null;
        endpoint = null;
        stack = null;
        state = null;
        health = null;
        includeStopped = true;
    }

    private void fieldsFrom(ContainerQuery query) {
        Map<String, String> p = ContainerFilter.parameters(query);
        search = p.get("search");
        environment = p.get("environment");
        endpoint = p.get("endpoint");
        stack = p.get("stack");
        state = p.get("state");
        health = p.get("health");
        includeStopped = query.includeStopped();
    }

    private Map<String, String> currentParameters() {
        Map<String, String> p = new HashMap<>();
        p.put("search", search);
        p.put("environment", environment);
        p.put("endpoint", endpoint);
        p.put("stack", stack);
        p.put("state", state);
        p.put("health", health);
        p.put("includeStopped", Boolean.toString(includeStopped));
        return p;
    }

    private static void message(FacesMessage.Severity severity, String summary, String detail) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, summary, detail));
    }

    /** One snapshot per request, whatever asks: the table, the chart, the options and the marks agree. */
    private FleetSnapshot snapshot() {
        FacesContext request = FacesContext.getCurrentInstance();
        if (snapshotRequest != request) {
            snapshot = snapshots.ifPresent().orElse(null);
            snapshotRequest = request;
            endpointsByKey = null;
            endpointOptions = null;
        }
        return snapshot;
    }

    public boolean isReady() {
        return snapshot() != null;
    }

    public ContainerRows getRows() {
        return rows;
    }

    /** Containers matching every filter but the endpoint (so another bar can be picked), per endpoint and state. */
    private List<EndpointStates> bars() {
        FleetSnapshot s = snapshot();
        if (bars == null || barsFor != s || !rows.query().equals(barsQuery)) {
            bars = s == null ? List.of()
                    : queries.statesPerEndpoint(s, rows.query().withEndpoint(null), TOP_ENDPOINTS);
            barsFor = s;
            barsQuery = rows.query();
            List<String> keys = new ArrayList<>();
            bars.forEach(b -> keys.add(b.endpointKey()));
            barEndpoints = keys;
        }
        return bars;
    }

    /** Chart.js configuration of the bars; a click on one filters the table to its endpoint. */
    public String getChart() {
        return EndpointStatesChart.json(bars());
    }

    public int getTopEndpoints() {
        return TOP_ENDPOINTS;
    }

    public boolean isHasBars() {
        return !bars().isEmpty();
    }

    /** The filtered rows' address: this page with the filters as query parameters (for the address bar). */
    public String getQueryString() {
        return ContainerFilter.queryString(ContainerFilter.parameters(rows.query()));
    }

    /** GET /api/v1/containers.csv with the same filters and order: every matching row, not only this page. */
    public String getCsvUrl() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + "/api/v1/containers.csv" + getQueryString();
    }

    public boolean isFiltered() {
        return !ContainerFilter.parameters(rows.query().withSort(ContainerQuery.Sort.NAME, false)).isEmpty();
    }

    /** "Showing 1,234 of 5,000 containers" for what the filters keep. */
    public String getShown() {
        FleetSnapshot s = snapshot();
        int total = s == null ? 0 : s.containers().size();
        int shown = rows.count(Map.of()); // the table counts later in the page: this one filters for both
        return String.format(Locale.ROOT, "%,d of %,d containers", shown, total);
    }

    /** The endpoint filter's name, for its "clear" chip. */
    public String getEndpointName() {
        FleetEndpoint e = endpoint == null ? null : endpoints().get(endpoint);
        return e == null ? endpoint : e.endpoint().name() + " (" + e.environment() + ")";
    }

    /** What in this snapshot is not current: unreachable servers, unread or pending endpoints. */
    public List<String> getNotes() {
        FleetSnapshot s = snapshot();
        return s == null ? List.of() : Degradation.notes(s);
    }

    public String getTakenAgo() {
        FleetSnapshot s = snapshot();
        return s == null ? "" : Ages.ago(s.takenAt(), Instant.now());
    }

    private Map<String, FleetEndpoint> endpoints() {
        FleetSnapshot s = snapshot();
        if (endpointsByKey == null) {
            Map<String, FleetEndpoint> byKey = new HashMap<>();
            if (s != null) {
                s.endpoints().forEach(e -> byKey.put(e.key(), e));
            }
            endpointsByKey = byKey;
        }
        return endpointsByKey;
    }

    /** Rows whose endpoint was not read live in this refresh carry a mark: "snapshot" or "last known". */
    public String dataMark(FleetContainer container) {
        FleetEndpoint e = endpoints().get(container.endpointKey());
        if (e == null || e.dataSource() == DataSource.LIVE) {
            return null;
        }
        return e.dataSource() == DataSource.PORTAINER_SNAPSHOT ? "snapshot" : "last known";
    }

    public String dataMarkTitle(FleetContainer container) {
        FleetEndpoint e = endpoints().get(container.endpointKey());
        if (e == null || e.dataAt() == null) {
            return "";
        }
        String from = e.dataSource() == DataSource.PORTAINER_SNAPSHOT ? "From Portainer's stored snapshot"
                : "The endpoint could not be read now; last known data";
        return from + ", " + Ages.ago(e.dataAt(), Instant.now());
    }

    public String created(FleetContainer container) {
        Instant at = container.container().created();
        return at == null ? "" : CREATED.format(at);
    }

    /** Docker's restart count where an inspect read it (the list has none), "–" otherwise. */
    public String restarts(FleetContainer container) {
        InspectionFacts known = inspection(container);
        return known == null ? "–" : Integer.toString(known.restartCount());
    }

    public String restartsTitle(FleetContainer container) {
        InspectionFacts known = inspection(container);
        return known == null ? "Not inspected: Docker's container list has no restart count; open the container for it"
                : "Docker's restart count as of " + CREATED.format(known.inspectedAt()) + " UTC ("
                + Ages.ago(known.inspectedAt(), Instant.now()) + ", from inspect)";
    }

    private InspectionFacts inspection(FleetContainer container) {
        FleetSnapshot s = snapshot();
        return s == null ? null : s.inspections().get(container.key());
    }

    public String ports(FleetContainer container) {
        return FleetJson.ports(container.container().ports());
    }

    public String health(FleetContainer container) {
        ContainerHealth h = container.container().health();
        return h == ContainerHealth.NONE ? "" : h.name().toLowerCase(Locale.ROOT);
    }

    public String detailsUrl(FleetContainer container) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                + ContainerPageServlet.path(container.key());
    }

    public String stateClass(FleetContainer container) {
        return "state-tag state-" + container.container().state().label();
    }

    public List<SelectItem> getEnvironmentOptions() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        FleetSnapshot s = snapshot();
        if (s != null) {
            s.environments().forEach(e -> names.add(e.name()));
        }
        return names.stream().map(n -> new SelectItem(n, n)).toList();
    }

    /** Endpoints by name (of the chosen environment only, once one is chosen); built once per request. */
    public List<SelectItem> getEndpointOptions() {
        FleetSnapshot s = snapshot();
        if (s == null) {
            return List.of();
        }
        if (endpointOptions == null || !java.util.Objects.equals(endpointOptionsFor, environment)) {
            endpointOptions = endpointOptions(s);
            endpointOptionsFor = environment;
        }
        return endpointOptions;
    }

    private List<SelectItem> endpointOptions(FleetSnapshot s) {
        return s.endpoints().stream()
                .filter(e -> environment == null || environment.isBlank() || environment.equals(e.environment()))
                .sorted(java.util.Comparator.comparing((FleetEndpoint e) -> e.endpoint().name(),
                        String.CASE_INSENSITIVE_ORDER).thenComparing(FleetEndpoint::key))
                .map(e -> new SelectItem(e.key(), e.endpoint().name() + " (" + e.environment() + ")"))
                .toList();
    }

    public List<SelectItem> getStackOptions() {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        FleetSnapshot s = snapshot();
        if (s != null) {
            for (FleetStack stack : s.stacks()) {
                if (environment == null || environment.isBlank() || environment.equals(stack.environment())) {
                    names.add(stack.name());
                }
            }
        }
        return names.stream().map(n -> new SelectItem(n, n)).toList();
    }

    public List<SelectItem> getStateOptions() {
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem(ContainerQuery.STOPPED, "stopped (not running)"));
        for (ContainerState s : ContainerState.values()) {
            items.add(new SelectItem(s.label(), s.label()));
        }
        return items;
    }

    public List<SelectItem> getHealthOptions() {
        List<SelectItem> items = new ArrayList<>();
        for (ContainerHealth h : ContainerHealth.values()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            items.add(new SelectItem(name, h == ContainerHealth.NONE ? "no health check" : name));
        }
        return items;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getStack() {
        return stack;
    }

    public void setStack(String stack) {
        this.stack = stack;
    }

    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public String getHealth() {
        return health;
    }

    public void setHealth(String health) {
        this.health = health;
    }

    public boolean isIncludeStopped() {
        return includeStopped;
    }

    public void setIncludeStopped(boolean includeStopped) {
        this.includeStopped = includeStopped;
    }

    /** The address's includeStopped parameter ("false" hides stopped containers). */
    public String getIncludeStoppedParameter() {
        return includeStopped ? null : "false";
    }

    public void setIncludeStoppedParameter(String value) {
        this.includeStoppedParameter = value;
    }

    public List<FleetContainer> getSelection() {
        return selection;
    }

    public void setSelection(List<FleetContainer> selection) {
        this.selection = selection == null ? new ArrayList<>() : new ArrayList<>(selection);
    }

    // --- actions on the selection (operators; the API twin is POST /api/v1/containers/actions/{action})

    /** True for whoever may POST to the API twin: they get the checkboxes and the action bar. */
    public boolean isActionsAllowed() {
        Role needed = policy.writeRole(ACTIONS_API);
        return needed != null && user.has(needed);
    }

    public int getMaxSelection() {
        return ContainerActions.MAX_SELECTION;
    }

    public int getSelectedCount() {
        return selection.size();
    }

    public boolean isSelectionTooLarge() {
        return selection.size() > ContainerActions.MAX_SELECTION;
    }

    /** "2 containers: web-1 (edge-3), db (edge-3)", at most {@link #NAMES_LISTED} names, for the confirmation. */
    public String getSelectionSummary() {
        int count = selection.size();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%,d container%s", count,
                count == 1 ? "" : "s"));
        for (int i = 0; i < Math.min(count, NAMES_LISTED); i++) {
            FleetContainer c = selection.get(i);
            text.append(i == 0 ? ": " : ", ").append(c.container().name()).append(" (").append(c.endpointName())
                    .append(')');
        }
        if (count > NAMES_LISTED) {
            text.append(String.format(Locale.ROOT, " and %,d more", count - NAMES_LISTED));
        }
        return text.toString();
    }

    /** An action button of the bar, after its confirmation: starts the action and leaves it to the poll. */
    public void act(String action) {
        Role needed = policy.writeRole(ACTIONS_API);
        if (needed == null) {
            throw new AccessDeniedException(Role.ADMIN);
        }
        user.require(needed);
        ContainerAction what = ContainerAction.parse(action).orElse(null);
        if (what == null) {
            message(FacesMessage.SEVERITY_WARN, "Unknown action", "Choose start, stop, restart or kill.");
            return;
        }
        if (selection.isEmpty()) {
            message(FacesMessage.SEVERITY_WARN, "Nothing selected", "Tick the containers to act on first.");
            return;
        }
        if (isSelectionTooLarge()) {
            message(FacesMessage.SEVERITY_WARN, "Too many containers", String.format(Locale.ROOT,
                    "One action takes at most %d containers; %d are selected. Untick some, or filter the table.",
                    ContainerActions.MAX_SELECTION, selection.size()));
            return;
        }
        List<ContainerKey> keys = new ArrayList<>();
        for (FleetContainer c : selection) {
            ContainerKey.parse(c.key()).ifPresent(k -> {
                if (!keys.contains(k)) {
                    keys.add(k);
                }
            });
        }
        try {
            runId = selectionRuns.start(keys, what, user.getName(), user.getRoleName()).id();
            selection = new ArrayList<>();
        } catch (SelectionRuns.BusyException e) {
            message(FacesMessage.SEVERITY_WARN, "Not started", e.getMessage());
        }
    }

    /** The selection action this page started, while the server keeps it; null when none. */
    public SelectionRun getRun() {
        return runId == null ? null : selectionRuns.find(runId, user.getName()).orElse(null);
    }

    public boolean isRunning() {
        SelectionRun run = getRun();
        return run != null && !run.finished();
    }

    /** The run's results so far, failures first, each with the container's name as Docker reported it. */
    public List<ActionResult> getRunResults() {
        SelectionRun run = getRun();
        if (run == null) {
            return List.of();
        }
        List<ActionResult> results = new ArrayList<>(run.results());
        results.sort(java.util.Comparator.comparing(ActionResult::succeeded));
        return results;
    }

    /** "restart: 1 of 2 done, 0 failed" for the progress line. */
    public String getRunProgress() {
        SelectionRun run = getRun();
        if (run == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%s of %,d container%s: %,d done, %,d failed%s", label(run.action()),
                run.total(), run.total() == 1 ? "" : "s", run.done() - run.failed(), run.failed(),
                run.finished() ? "" : " · running…");
    }

    public void dismissRun() {
        runId = null;
    }

    private static String label(String action) {
        return action.isEmpty() ? action : Character.toUpperCase(action.charAt(0)) + action.substring(1);
    }
}
