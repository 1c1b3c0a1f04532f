package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetStack;
import java.util.Comparator;

/** Which stacks, in which order. search matches the name (contains, case-insensitive). */
public record StackQuery(String search, String environment, String endpoint, Sort sort, boolean descending) {

    public StackQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        sort = sort == null ? Sort.NAME : sort;
    }

    public boolean matches(FleetStack s) {
        return (environment == null || environment.equals(s.environment()))
                && (endpoint == null || endpoint.equals(s.endpointKey()))
                && Listing.matches(search, s.name());
    }

    public Comparator<FleetStack> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    public enum Sort {
        NAME(Comparator.comparing(FleetStack::name, Listing.TEXT)),
        ENDPOINT(Comparator.comparing(FleetStack::endpointName, Listing.TEXT)
                .thenComparing(FleetStack::name, Listing.TEXT)),
        CONTAINERS(Comparator.comparingInt(FleetStack::containers));

        private final Comparator<FleetStack> order;

        Sort(Comparator<FleetStack> order) {
            this.order = order.thenComparing(FleetStack::key);
        }
    }
}
