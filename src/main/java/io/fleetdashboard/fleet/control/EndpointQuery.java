package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetEndpoint;
import java.util.Comparator;

/**
 * Which endpoints, in which order. search matches the name or URL (contains, case-insensitive).
 *
 * @param online null: any; true: online only; false: offline only
 */
public record EndpointQuery(String search, String environment, Boolean online, Sort sort, boolean descending) {

    public EndpointQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        sort = sort == null ? Sort.ENVIRONMENT : sort;
    }

    public boolean matches(FleetEndpoint e) {
        return (environment == null || environment.equals(e.environment()))
                && (online == null || e.online() == online)
                && Listing.matches(search, e.name(), e.endpoint().url());
    }

    public Comparator<FleetEndpoint> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    public enum Sort {
        ENVIRONMENT(Comparator.comparing(FleetEndpoint::environment, Listing.TEXT)
                .thenComparing(FleetEndpoint::name, Listing.TEXT)),
        NAME(Comparator.comparing(FleetEndpoint::name, Listing.TEXT)),
        STATUS(Comparator.comparing(FleetEndpoint::online).thenComparing(FleetEndpoint::name, Listing.TEXT)),
        CONTAINERS(Comparator.comparingInt(FleetEndpoint::containers));

        private final Comparator<FleetEndpoint> order;

        Sort(Comparator<FleetEndpoint> order) {
            this.order = order.thenComparing(FleetEndpoint::key);
        }
    }
}
