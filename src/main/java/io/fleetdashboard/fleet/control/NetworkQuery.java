package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Which container-to-network attachments, in which order: shared by the Networks page (graph and table), its CSV
 * and its JSON twin. Blank texts mean "any". The search matches the container name, the network name or the
 * address (contains, case-insensitive).
 *
 * @param endpoint       an endpoint key, "environment:endpointId"
 * @param network        a network name (on any endpoint the other filters allow)
 * @param stack          a compose project name
 * @param includeStopped false keeps only running containers
 */
public record NetworkQuery(String search, String environment, String endpoint, String network, String stack,
                           boolean includeStopped, Sort sort, boolean descending) implements Serializable {

    public static final NetworkQuery ALL = new NetworkQuery(null, null, null, null, null, true, Sort.ENDPOINT, false);

    public NetworkQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        network = Listing.blankToNull(network);
        stack = Listing.blankToNull(stack);
        sort = sort == null ? Sort.ENDPOINT : sort;
    }

    public NetworkQuery withSort(Sort by, boolean desc) {
        return new NetworkQuery(search, environment, endpoint, network, stack, includeStopped, by, desc);
    }

    public boolean matches(NetworkConnection c) {
        return (environment == null || environment.equals(c.environment()))
                && (endpoint == null || endpoint.equals(c.endpointKey()))
                && (network == null || network.equals(c.network()))
                && (stack == null || stack.equals(c.stack()))
                && (includeStopped || c.state() == ContainerState.RUNNING)
                && (search == null || Listing.matches(search, c.containerName(), c.network(), c.address()));
    }

    public Comparator<NetworkConnection> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    /** Sort fields; the API spells them in lower case. Ties by endpoint, network, container: pages are stable. */
    public enum Sort {
        ENDPOINT(Comparator.comparing(NetworkConnection::endpointName, Listing.TEXT)),
        NETWORK(Comparator.comparing(NetworkConnection::network, Listing.TEXT)),
        DRIVER(Comparator.comparing(NetworkConnection::driver, Listing.TEXT)),
        CONTAINER(Comparator.comparing(NetworkConnection::containerName, Listing.TEXT)),
        STATE(Comparator.comparing((NetworkConnection c) -> c.state() == null ? "" : c.state().name())),
        ADDRESS(Comparator.comparing(NetworkConnection::address, Sort::compareAddresses));

        private final Comparator<NetworkConnection> order;

        Sort(Comparator<NetworkConnection> primary) {
            this.order = primary.thenComparing(NetworkConnection::endpointName, Listing.TEXT)
                    .thenComparing(NetworkConnection::network, Listing.TEXT)
                    .thenComparing(NetworkConnection::containerName, Listing.TEXT)
                    .thenComparing(NetworkConnection::containerKey, Listing.TEXT);
        }

        /** IPv4 addresses by their numbers (10.0.0.9 before 10.0.0.10); empty ones last. */
        static int compareAddresses(String a, String b) {
            long x = ipv4(a);
            long y = ipv4(b);
            if (x >= 0 && y >= 0) {
                return Long.compare(x, y);
            }
            if (x >= 0 || y >= 0) {
                return x >= 0 ? -1 : 1;
            }
            return Listing.TEXT.compare(a, b);
        }

        private static long ipv4(String address) {
            if (address == null || address.isEmpty()) {
                return -1;
            }
            String[] parts = address.split("\\.", -1);
            if (parts.length != 4) {
                return -1;
            }
            long value = 0;
            for (String part : parts) {
                if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                    return -1;
                }
                int octet = Integer.parseInt(part);
                if (octet > 255) {
                    return -1;
                }
                value = value * 256 + octet;
            }
            return value;
        }
    }
}
