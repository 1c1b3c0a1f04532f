package io.fleetdashboard.fleet.entity;

import java.util.List;

/**
 * The graph of the Networks page: containers and networks as nodes, attachments as links, for the connections that
 * match a query. When the nodes would be more than the limit, the graph is left empty and {@code overLimit} says
 * so, with the counts, so the page can ask for a narrower filter instead of drawing an unreadable hairball.
 *
 * @param containers how many matching containers have at least one network (nodes, or would-be nodes)
 * @param networks   how many distinct networks they are attached to
 * @param links      how many attachments (container, network) match
 */
public record NetworkTopology(List<Node> nodes, List<Link> edges, int containers, int networks, int links,
                              int nodeLimit, boolean overLimit) {

    public NetworkTopology {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** A node: a network (key = its network key) or a container (key = its container key). */
    public record Node(String key, Kind kind, String label, String category, String endpointName,
                       List<String> details) {

        public Node {
            details = List.copyOf(details);
        }
    }

    /** An attachment of a container to a network, with the container's address on it ("" when none). */
    public record Link(String container, String network, String address) {
    }

    public enum Kind {
        NETWORK, CONTAINER
    }
}
