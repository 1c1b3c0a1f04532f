package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetNetwork;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.fleet.entity.NetworkTopology;
import io.fleetdashboard.fleet.entity.NetworkTopology.Kind;
import io.fleetdashboard.fleet.entity.NetworkTopology.Link;
import io.fleetdashboard.fleet.entity.NetworkTopology.Node;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The fleet's container-to-network attachments, derived from the snapshot's containers (their NetworkSettings) and
 * the endpoints' network lists (for the driver): the connections table, its CSV and JSON twin, and the topology
 * graph of the Networks page all come from here. Reads only the snapshot. The attachments of the current snapshot
 * are derived once and kept until the next snapshot is published.
 */
@ApplicationScoped
public class NetworkConnections {

    /** The graph's node limit unless a caller asks for another: readable with force layout, fast to lay out. */
    public static final int DEFAULT_NODE_LIMIT = 600;
    public static final int MAX_NODE_LIMIT = 3000;

    private record Derived(FleetSnapshot snapshot, List<NetworkConnection> connections) {
    }

    private volatile Derived derived;

    /** Every attachment of the snapshot, in the snapshot's container order. */
    public List<NetworkConnection> all(FleetSnapshot snapshot) {
        Derived last = derived;
        if (last != null && last.snapshot() == snapshot) {
            return last.connections();
        }
        List<NetworkConnection> connections = derive(snapshot);
        derived = new Derived(snapshot, connections);
        return connections;
    }

    static List<NetworkConnection> derive(FleetSnapshot snapshot) {
        Map<String, String> drivers = new HashMap<>();
        for (FleetNetwork n : snapshot.networks()) {
            if (n.network() != null && n.network().name() != null) {
                drivers.putIfAbsent(networkKey(n.endpointKey(), n.network().name()),
                        n.network().driver() == null ? "" : n.network().driver());
            }
        }
        List<NetworkConnection> connections = new ArrayList<>();
        for (FleetContainer fc : snapshot.containers()) {
            Container c = fc.container();
            if (c.networks() == null) {
                continue;
            }
            for (String network : c.networks()) {
                String key = networkKey(fc.endpointKey(), network);
                connections.add(new NetworkConnection(fc.environment(), fc.endpointKey(), fc.endpointName(), network,
                        key, drivers.getOrDefault(key, ""), fc.key(), c.name(), c.state(), c.composeProject(),
                        c.addressOn(network)));
            }
        }
        return List.copyOf(connections);
    }

    public static String networkKey(String endpointKey, String network) {
        return endpointKey + "/" + network;
    }

    public List<NetworkConnection> matching(FleetSnapshot snapshot, NetworkQuery query) {
        return Listing.sorted(all(snapshot), query::matches, query.comparator());
    }

    public Page<NetworkConnection> page(FleetSnapshot snapshot, NetworkQuery query, int offset, int limit) {
        return Listing.page(matching(snapshot, query), offset, limit);
    }

    /** The network names of the fleet (or of one endpoint), for the page's network filter. */
    public List<String> networkNames(FleetSnapshot snapshot, String endpointKey) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (NetworkConnection c : all(snapshot)) {
            if (endpointKey == null || endpointKey.equals(c.endpointKey())) {
                names.add(c.network());
            }
        }
        return List.copyOf(names);
    }

    /**
     * The graph of the matching attachments: one node per network (per endpoint) and per container, one link per
     * attachment. Over {@code nodeLimit} nodes the graph is left empty and marked, with the counts.
     */
    public NetworkTopology topology(FleetSnapshot snapshot, NetworkQuery query, int nodeLimit) {
        Map<String, List<NetworkConnection>> byContainer = new LinkedHashMap<>();
        Map<String, List<NetworkConnection>> byNetwork = new LinkedHashMap<>();
        for (NetworkConnection c : matching(snapshot, query)) {
            byContainer.computeIfAbsent(c.containerKey(), k -> new ArrayList<>()).add(c);
            byNetwork.computeIfAbsent(c.networkKey(), k -> new ArrayList<>()).add(c);
        }
        int links = byContainer.values().stream().mapToInt(List::size).sum();
        int nodeCount = byContainer.size() + byNetwork.size();
        if (nodeCount > nodeLimit) {
            return new NetworkTopology(List.of(), List.of(), byContainer.size(), byNetwork.size(), links, nodeLimit,
                    true);
        }
        List<Node> nodes = new ArrayList<>(nodeCount);
        List<Link> edges = new ArrayList<>(links);
        byNetwork.forEach((key, attached) -> {
            NetworkConnection any = attached.get(0);
            long running = attached.stream().filter(c -> c.state() == ContainerState.RUNNING)
                    .count();
            nodes.add(new Node(key, Kind.NETWORK, any.network(), "network", any.endpointName(), List.of(
                    "network " + any.network() + (any.driver().isEmpty() ? "" : " (" + any.driver() + ")"),
                    "endpoint " + any.endpointName(),
                    attached.size() + " container(s), " + running + " running")));
        });
        byContainer.forEach((key, attachments) -> {
            NetworkConnection any = attachments.get(0);
            List<String> details = new ArrayList<>();
            details.add(any.containerName());
            details.add((any.state() == null ? "unknown" : any.state().name().toLowerCase(Locale.ROOT))
                    + " on " + any.endpointName() + (any.stack() == null ? "" : ", stack " + any.stack()));
            for (NetworkConnection a : attachments) {
                details.add(a.network() + ": " + (a.address().isEmpty() ? "no address" : a.address()));
                edges.add(new Link(key, a.networkKey(), a.address()));
            }
            nodes.add(new Node(key, Kind.CONTAINER, any.containerName(),
                    any.state() == null ? "unknown" : any.state().name().toLowerCase(Locale.ROOT), any.endpointName(),
                    details));
        });
        return new NetworkTopology(nodes, edges, byContainer.size(), byNetwork.size(), links, nodeLimit, false);
    }
}
