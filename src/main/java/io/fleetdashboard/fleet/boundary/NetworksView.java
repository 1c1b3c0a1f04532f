package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.fleet.control.NetworkConnections;
import io.fleetdashboard.fleet.control.NetworkQuery;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.fleet.entity.NetworkTopology;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.ui.Ages;
import io.fleetdashboard.ui.ChartConfig;
import io.fleetdashboard.ui.LazyRows;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * The Networks page (networks.xhtml): the topology graph of containers and networks and the connections table, for
 * the filters in the URL (environment, endpoint, network, stack, search, includeStopped). Everything comes from the
 * snapshot through {@link NetworkConnections}, the same queries as the JSON twin /api/v1/networks.
 */
@Named
@ViewScoped
public class NetworksView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The graph's node colours: networks neutral, containers by state as on every other chart. */
    private static final Map<String, String> CATEGORY_COLORS = categoryColors();

    @Inject
    Snapshots snapshots;

    @Inject
    FleetCollector collector;

    @Inject
    NetworkConnections connections;

    private String search;
    private String environment;
    private String endpoint;
    private String network;
    private String stack;
    private boolean includeStopped = true;

    private transient FleetSnapshot snapshot;
    private transient NetworkTopology topology;
    /** The connections table: each page one query over the snapshot, sorted by the column's field. */
    private final LazyRows<NetworkConnection, NetworkQuery.Sort, NetworkConnection> rows = new LazyRows<>(
            (sort, desc) -> snapshot() == null ? List.of() : connections.matching(snapshot(),
                    query().withSort(sort, desc)),
            NetworkQuery.Sort.class, NetworkQuery.Sort.ENDPOINT, false, c -> c, c -> c.containerKey() + "|" + c.network());

    private static Map<String, String> categoryColors() {
        Map<String, String> colors = new LinkedHashMap<>();
        colors.put("network", "#64748b");
        for (ContainerState state : ContainerState.values()) {
            colors.put(state.name().toLowerCase(Locale.ROOT), StateColors.of(state));
        }
        return colors;
    }

    FleetSnapshot snapshot() {
        if (snapshot == null) {
            snapshot = snapshots.ifPresent().orElse(null);
            if (snapshot == null) {
                collector.refresh(); // the first collection; the page says so
            }
        }
        return snapshot;
    }

    public boolean isReady() {
        return snapshot() != null;
    }

    NetworkQuery query() {
        return new NetworkQuery(search, environment, endpoint, network, stack, includeStopped, null, false);
    }

    /** The filters changed: graph and table are computed again on the next render. */
    public void filter() {
        topology = null;
    }

    /** A new environment: an endpoint or network of another one no longer applies. */
    public void environmentChanged() {
        if (endpoint != null && environment != null && !endpoint.startsWith(environment + ":")) {
            endpoint = null;
        }
        network = null;
        filter();
    }

    public void endpointChanged() {
        network = null;
        filter();
    }

    public LazyRows<NetworkConnection, NetworkQuery.Sort, NetworkConnection> getRows() {
        return rows;
    }

    public NetworkTopology getTopology() {
        if (topology == null && isReady()) {
            topology = connections.topology(snapshot(), query(), NetworkConnections.DEFAULT_NODE_LIMIT);
        }
        return topology;
    }

    /** The ECharts option of the graph (force layout), nodes coloured by category; empty when over the limit. */
    public String getGraphJson() {
        NetworkTopology graph = getTopology();
        if (graph == null || graph.overLimit() || graph.nodes().isEmpty()) {
            return "";
        }
        List<String> categories = List.copyOf(CATEGORY_COLORS.keySet());
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Map<String, Object>> nodes = new ArrayList<>(graph.nodes().size());
        for (NetworkTopology.Node node : graph.nodes()) {
            index.put(node.key(), nodes.size());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", node.label());
            int category = Math.max(0, categories.indexOf(node.category()));
            item.put("category", category);
            boolean isNetwork = node.kind() == NetworkTopology.Kind.NETWORK;
            item.put("symbol", isNetwork ? "roundRect" : "circle");
            item.put("symbolSize", isNetwork ? 22 : 10);
            item.put("tip", String.join("\n", node.details()));
            // names on every network, and on containers while the graph is small enough to read them
            if (isNetwork || graph.nodes().size() <= 80) {
                item.put("label", Map.of("show", true, "position", "right", "fontSize", isNetwork ? 12 : 10));
            }
            if (!isNetwork) {
                item.put("href", "containers/" + URLEncoder.encode(node.key(), StandardCharsets.UTF_8));
            }
            nodes.add(item);
        }
        List<Map<String, Object>> links = new ArrayList<>(graph.edges().size());
        for (NetworkTopology.Link link : graph.edges()) {
            links.add(Map.of("source", index.get(link.container()), "target", index.get(link.network())));
        }
        List<Map<String, Object>> categoryList = new ArrayList<>();
        for (Map.Entry<String, String> c : CATEGORY_COLORS.entrySet()) {
            categoryList.add(Map.of("name", c.getKey(), "itemStyle", Map.of("color", c.getValue())));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "graph");
        series.put("layout", "force");
        series.put("roam", true);
        series.put("draggable", true);
        series.put("categories", categoryList);
        series.put("data", nodes);
        series.put("links", links);
        series.put("force", Map.of("repulsion", nodes.size() > 200 ? 30 : 80, "edgeLength", 40, "gravity", 0.1));
        series.put("emphasis", Map.of("focus", "adjacency"));
        series.put("lineStyle", Map.of("opacity", 0.6));
        return ChartConfig.options()
                .set("animation", nodes.size() <= 300)
                .set("tooltip.renderMode", "richText")
                .set("legend.data", categories.stream().filter(this::present).toList())
                .set("legend.bottom", 0)
                .set("series", List.of(series))
                .json();
    }

    private boolean present(String category) {
        return getTopology().nodes().stream().anyMatch(n -> n.category().equals(category));
    }

    /** "12 containers · 3 networks · 14 connections" for the current filters. */
    public String getCountsText() {
        NetworkTopology graph = getTopology();
        if (graph == null) {
            return "";
        }
        return graph.containers() + " container(s) · " + graph.networks() + " network(s) · " + graph.links()
                + " connection(s)";
    }

    /** How fresh the snapshot is, as the shell says it, plus "stale" when it is. */
    public String getFreshnessText() {
        if (!isReady()) {
            return "";
        }
        SnapshotStatus status = snapshots.status(snapshot());
        Instant dataAsOf = status.dataAsOf() == null ? status.takenAt() : status.dataAsOf();
        return "From the snapshot of " + Ages.ago(dataAsOf, Instant.now()) + (status.stale() ? " (stale)" : "")
                + (status.degraded() ? " · some endpoints could not be read" : "");
    }

    public List<SelectItem> getEnvironments() {
        List<SelectItem> items = new ArrayList<>();
        if (isReady()) {
            for (EnvironmentState e : snapshot().environments()) {
                items.add(new SelectItem(e.name(), e.displayName()));
            }
        }
        return items;
    }

    public List<SelectItem> getEndpoints() {
        List<SelectItem> items = new ArrayList<>();
        if (isReady()) {
            for (FleetEndpoint e : snapshot().endpoints()) {
                if (environment == null || environment.equals(e.environment())) {
                    items.add(new SelectItem(e.key(), e.endpoint().name() + " (" + e.environment() + ")"));
                }
            }
            items.sort((a, b) -> Listing.TEXT.compare(a.getLabel(), b.getLabel()));
        }
        return items;
    }

    public List<String> getNetworks() {
        return isReady() ? connections.networkNames(snapshot(), endpoint) : List.of();
    }

    public List<String> getStacks() {
        TreeSet<String> stacks = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (isReady()) {
            for (NetworkConnection c : connections.all(snapshot())) {
                if (c.stack() != null && (endpoint == null || endpoint.equals(c.endpointKey()))
                        && (environment == null || environment.equals(c.environment()))) {
                    stacks.add(c.stack());
                }
            }
        }
        return List.copyOf(stacks);
    }

    /** The filters as a query string ("?endpoint=...&network=..."), for the page's own URL and the CSV link. */
    public String getQueryString() {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        add(query, "search", search);
        add(query, "environment", environment);
        add(query, "endpoint", endpoint);
        add(query, "network", network);
        add(query, "stack", stack);
        if (!includeStopped) {
            query.add("includeStopped=false");
        }
        return query.toString();
    }

    private static void add(StringJoiner query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    public String state(NetworkConnection row) {
        return row.state() == null ? "unknown" : row.state().name().toLowerCase(Locale.ROOT);
    }

    public String containerPath(NetworkConnection row) {
        return "containers/" + URLEncoder.encode(row.containerKey(), StandardCharsets.UTF_8);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = Listing.blankToNull(search);
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = Listing.blankToNull(environment);
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = Listing.blankToNull(endpoint);
    }

    public String getNetwork() {
        return network;
    }

    public void setNetwork(String network) {
        this.network = Listing.blankToNull(network);
    }

    public String getStack() {
        return stack;
    }

    public void setStack(String stack) {
        this.stack = Listing.blankToNull(stack);
    }

    public boolean isIncludeStopped() {
        return includeStopped;
    }

    public void setIncludeStopped(boolean includeStopped) {
        this.includeStopped = includeStopped;
    }
}
