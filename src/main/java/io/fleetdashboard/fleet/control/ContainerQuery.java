package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;

/**
 * Which containers of the snapshot, in which order: shared by the JSON API, the CSV export and the Workloads table.
 * Blank texts mean "any" (they are normalised to null). The search box matches the name or image (contains), the
 * id (prefix) or, written {@code key=value}, a label (key exactly, value case-insensitively; {@code key=} means the
 * label is present); all case-insensitive.
 *
 * @param endpoint       an endpoint key, "environment:endpointId"
 * @param stack          a compose project name
 * @param includeStopped false keeps only running containers
 * @param stoppedOnly    true keeps only containers that are not running (what the Home page counts as stopped)
 */
public record ContainerQuery(String search, String environment, String endpoint, String stack, ContainerState state,
                             ContainerHealth health, boolean includeStopped, Sort sort, boolean descending,
                             boolean stoppedOnly)
        implements Serializable {

    /** The state filter's word for "every state but running" ({@link #stoppedOnly}). */
    public static final String STOPPED = "stopped";

    /** Every container, by name. */
    public static final ContainerQuery ALL = new ContainerQuery(null, null, null, null, null, null, true, Sort.NAME,
            false);

    /** Any state but "stopped only". */
    public ContainerQuery(String search, String environment, String endpoint, String stack, ContainerState state,
                          ContainerHealth health, boolean includeStopped, Sort sort, boolean descending) {
        this(search, environment, endpoint, stack, state, health, includeStopped, sort, descending, false);
    }

    public ContainerQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        endpoint = Listing.blankToNull(endpoint);
        stack = Listing.blankToNull(stack);
        sort = sort == null ? Sort.NAME : sort;
    }

    public ContainerQuery withEndpoint(String endpointKey) {
        return new ContainerQuery(search, environment, endpointKey, stack, state, health, includeStopped, sort,
                descending, stoppedOnly);
    }

    public ContainerQuery withSort(Sort by, boolean desc) {
        return new ContainerQuery(search, environment, endpoint, stack, state, health, includeStopped, by, desc,
                stoppedOnly);
    }

    public boolean matches(FleetContainer fc) {
        var c = fc.container();
        return (environment == null || environment.equals(fc.environment()))
                && (endpoint == null || endpoint.equals(fc.endpointKey()))
                && (stack == null || stack.equals(c.composeProject()))
                && (state == null || c.state() == state)
                && (health == null || c.health() == health)
                && (includeStopped || c.state() == ContainerState.RUNNING)
                && (!stoppedOnly || c.state() != ContainerState.RUNNING)
                && matchesSearch(fc);
    }

    private boolean matchesSearch(FleetContainer fc) {
        if (search == null) {
            return true;
        }
        var c = fc.container();
        if (Listing.containsIgnoreCase(c.name(), search) || Listing.containsIgnoreCase(c.image(), search)
                || (c.id() != null && c.id().regionMatches(true, 0, search, 0, search.length()))) {
            return true;
        }
        int equals = search.indexOf('=');
        if (equals <= 0) {
            return false;
        }
        String key = search.substring(0, equals).strip();
        String value = search.substring(equals + 1).strip();
        String actual = c.labels().get(key);
        return actual != null && (value.isEmpty() || actual.equalsIgnoreCase(value));
    }

    public Comparator<FleetContainer> comparator() {
        return comparator(Map.of());
    }

    /**
     * This query's order, with Docker's restart counts from inspect (by container key) for the restarts sort:
     * known counts in the asked direction, containers never inspected after them either way.
     */
    public Comparator<FleetContainer> comparator(Map<String, InspectionFacts> inspections) {
        if (sort == Sort.RESTARTS) {
            Comparator<Integer> count = descending ? Comparator.<Integer>reverseOrder() : Comparator.naturalOrder();
            Comparator<FleetContainer> known = Comparator.comparing(
                    (FleetContainer c) -> restarts(c, inspections), Comparator.nullsLast(count));
            return known.thenComparing(descending ? Sort.NAME.order.reversed() : Sort.NAME.order);
        }
        return descending ? sort.order.reversed() : sort.order;
    }

    /** Docker's restart count of the container from inspect, null while it was not inspected. */
    public static Integer restarts(FleetContainer container, Map<String, InspectionFacts> inspections) {
        InspectionFacts known = inspections.isEmpty() ? null : inspections.get(container.key());
        return known == null ? null : known.restartCount();
    }

    /** True when the query keeps every container (it only orders them). */
    boolean keepsAll() {
        return search == null && environment == null && endpoint == null && stack == null && state == null
                && health == null && includeStopped && !stoppedOnly;
    }

    /** Sort fields; the API spells them in lower case. Ties are broken by name, then key, so pages are stable. */
    public enum Sort {
        NAME(Comparator.comparing((FleetContainer c) -> c.container().name(), Listing.TEXT)),
        STATE(Comparator.comparing((FleetContainer c) -> c.container().state())),
        ENDPOINT(Comparator.comparing(FleetContainer::endpointName, Listing.TEXT)),
        IMAGE(Comparator.comparing((FleetContainer c) -> c.container().image(), Listing.TEXT)),
        CREATED(Comparator.comparing((FleetContainer c) -> c.container().created(),
                Comparator.nullsLast(Comparator.naturalOrder()))),
        ENVIRONMENT(Comparator.comparing(FleetContainer::environment, Listing.TEXT)),
        STATUS(Comparator.comparing((FleetContainer c) -> c.container().status(), Listing.TEXT)),
        HEALTH(Comparator.comparing((FleetContainer c) -> c.container().health())),
        /** Docker's restart count, known only for inspected containers (see {@link #comparator(Map)}). */
        RESTARTS(Comparator.comparing((FleetContainer c) -> 0));

        private final Comparator<FleetContainer> order;

        Sort(Comparator<FleetContainer> order) {
            this.order = order.thenComparing((FleetContainer c) -> c.container().name(), Listing.TEXT)
                    .thenComparing(FleetContainer::key);
        }

        /** This order, ties broken by name and key (ascending). */
        public Comparator<FleetContainer> order() {
            return order;
        }
    }
}
