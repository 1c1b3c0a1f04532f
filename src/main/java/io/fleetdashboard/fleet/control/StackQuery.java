package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetStack;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Which stacks, in which order. search matches the name (contains, case-insensitive).
 *
 * @param endpoint an endpoint key, "environment:endpointId"
 * @param external null: any; true: compose projects Portainer does not manage; false: Portainer's stacks
 * @param active   null: any; true: active ones (Portainer's status, or any running container for others)
 */
public record StackQuery(String search, String environment, String endpoint, Boolean external, Boolean active,
                         Sort sort, boolean descending) implements Serializable {

    /** Every stack, by name. */
    public static final StackQuery ALL = new StackQuery(null, null, null, null, null, Sort.NAME, false);

    public StackQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        sort = sort == null ? Sort.NAME : sort;
    }

    /** Without the managed and active filters. */
    public StackQuery(String search, String environment, String endpoint, Sort sort, boolean descending) {
        this(search, environment, endpoint, null, null, sort, descending);
    }

    public StackQuery withSort(Sort by, boolean desc) {
        return new StackQuery(search, environment, endpoint, external, active, by, desc);
    }

    public boolean matches(FleetStack s) {
        return (environment == null || environment.equals(s.environment()))
                && (endpoint == null || endpoint.equals(s.endpointKey()))
                && (external == null || s.external() == external)
                && (active == null || s.active() == active)
                && Listing.matches(search, s.name());
    }

    public Comparator<FleetStack> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    /** Sort fields; the API spells them in lower case. Ties by key, so pages are stable. */
    public enum Sort {
        NAME(Comparator.comparing(FleetStack::name, Listing.TEXT)),
        ENDPOINT(Comparator.comparing(FleetStack::endpointName, Listing.TEXT)
                .thenComparing(FleetStack::name, Listing.TEXT)),
        CONTAINERS(Comparator.comparingInt(FleetStack::containers)),
        RUNNING(Comparator.comparingInt(FleetStack::running)),
        TYPE(Comparator.comparing(FleetStack::external).thenComparing(FleetStack::type)),
        STATUS(Comparator.comparing(FleetStack::active)),
        CREATED(Comparator.comparing(FleetStack::created, Comparator.nullsFirst(Comparator.naturalOrder()))),
        UPDATED(Comparator.comparing(FleetStack::updated, Comparator.nullsFirst(Comparator.naturalOrder())));

        private final Comparator<FleetStack> order;

        Sort(Comparator<FleetStack> order) {
            this.order = order.thenComparing(FleetStack::key);
        }
    }
}
