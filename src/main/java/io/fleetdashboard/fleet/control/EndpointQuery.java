package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.portainer.entity.EndpointType;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Which endpoints, in which order. search matches the name, URL, agent version, group, a tag, or the host's
 * operating system or platform (contains, case-insensitive).
 *
 * @param online     null: any; true: online only; false: offline only
 * @param kind       null: any; otherwise the kind of endpoint (edge agent, agent, Docker API, other)
 * @param dataSource null: any; otherwise where its container data came from
 */
public record EndpointQuery(String search, String environment, Boolean online, Kind kind, DataSource dataSource,
                            Sort sort, boolean descending) implements Serializable {

    /** Every endpoint, by environment and name. */
    public static final EndpointQuery ALL = new EndpointQuery(null, null, null, null, null, Sort.ENVIRONMENT, false);

    public EndpointQuery {
        search = Listing.blankToNull(search);
        environment = Listing.blankToNull(environment);
        sort = sort == null ? Sort.ENVIRONMENT : sort;
    }

    /** Without the kind and data source filters. */
    public EndpointQuery(String search, String environment, Boolean online, Sort sort, boolean descending) {
        this(search, environment, online, null, null, sort, descending);
    }

    public EndpointQuery withSort(Sort by, boolean desc) {
        return new EndpointQuery(search, environment, online, kind, dataSource, by, desc);
    }

    public boolean matches(FleetEndpoint e) {
        return (environment == null || environment.equals(e.environment()))
                && (online == null || e.online() == online)
                && (kind == null || Kind.of(e.endpoint().type()) == kind)
                && (dataSource == null || e.dataSource() == dataSource)
                && (Listing.matches(search, e.name(), e.endpoint().url(), e.endpoint().agentVersion(),
                e.endpoint().groupName()) || e.endpoint().tags().stream().anyMatch(t -> Listing.matches(search, t))
                || e.host() != null && Listing.matches(search, e.host().operatingSystem(), e.host().platform()));
    }

    public Comparator<FleetEndpoint> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    /** How the dashboard reaches an endpoint, as an operator groups them. */
    public enum Kind {
        EDGE, AGENT, DOCKER, OTHER;

        public static Kind of(EndpointType type) {
            if (type.edge()) {
                return EDGE;
            }
            return switch (type) {
                case AGENT -> AGENT;
                case DOCKER -> DOCKER;
                default -> OTHER;
            };
        }
    }

    /** Sort fields; the API spells them in lower case. Ties by key, so pages are stable. */
    public enum Sort {
        ENVIRONMENT(Comparator.comparing(FleetEndpoint::environment, Listing.TEXT)
                .thenComparing(FleetEndpoint::name, Listing.TEXT)),
        NAME(Comparator.comparing(FleetEndpoint::name, Listing.TEXT)),
        STATUS(Comparator.comparing(FleetEndpoint::online).thenComparing(FleetEndpoint::name, Listing.TEXT)),
        CONTAINERS(Comparator.comparingInt(FleetEndpoint::containers)),
        RUNNING(Comparator.comparingInt(FleetEndpoint::running)),
        CHECKIN(Comparator.comparing((FleetEndpoint e) -> e.endpoint().lastCheckIn(),
                Comparator.nullsFirst(Comparator.naturalOrder()))),
        AGENT(Comparator.comparing((FleetEndpoint e) -> e.endpoint().agentVersion(), Listing.TEXT)),
        TYPE(Comparator.comparing((FleetEndpoint e) -> e.endpoint().type())),
        DATASOURCE(Comparator.comparing(FleetEndpoint::dataSource)),
        /** The host's "os/architecture"; unknown hosts first. */
        PLATFORM(Comparator.comparing((FleetEndpoint e) -> e.host() == null ? null : e.host().platform(),
                Comparator.nullsFirst(Listing.TEXT))),
        /** The host's operating system; unknown hosts first. */
        OS(Comparator.comparing((FleetEndpoint e) -> e.host() == null ? null : e.host().operatingSystem(),
                Comparator.nullsFirst(Listing.TEXT)));

        private final Comparator<FleetEndpoint> order;

        Sort(Comparator<FleetEndpoint> order) {
            this.order = order.thenComparing(FleetEndpoint::key);
        }
    }
}
