package io.fleetdashboard.tracing.control;

import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.tracing.entity.RouteLatency;
import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;

/**
 * Which routes, over which window, in which order: shared by GET /api/v1/tracing/routes and the Tracing page.
 *
 * @param window     how far back (whole steps of {@link RequestStatistics#STEP}; at most the retention)
 * @param method     null: any; else GET, POST, ...
 * @param search     part of the route (case-insensitive), or null
 * @param errorsOnly only routes that answered 5xx in the window
 */
public record RouteQuery(Duration window, String method, String search, boolean errorsOnly, Sort sort,
                         boolean descending) implements Serializable {

    public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

    /** The last hour, every route, slowest (p95) first. */
    public static final RouteQuery LAST_HOUR = new RouteQuery(DEFAULT_WINDOW, null, null, false, Sort.P95, true);

    public RouteQuery {
        window = window == null ? DEFAULT_WINDOW : window;
        method = Listing.blankToNull(method) == null ? null : method.trim().toUpperCase(Locale.ROOT);
        search = Listing.blankToNull(search);
        sort = sort == null ? Sort.P95 : sort;
    }

    public RouteQuery withSort(Sort by, boolean desc) {
        return new RouteQuery(window, method, search, errorsOnly, by, desc);
    }

    public boolean matches(RouteLatency route) {
        return (method == null || method.equals(route.method()))
                && (!errorsOnly || route.serverErrors() > 0)
                && Listing.matches(search, route.route());
    }

    public Comparator<RouteLatency> comparator() {
        return descending ? sort.order.reversed() : sort.order;
    }

    /** Sort fields; the API spells them in lower case. Ties by route and method, so the order is stable. */
    public enum Sort {
        ROUTE(Comparator.comparing(RouteLatency::route, Listing.TEXT)),
        METHOD(Comparator.comparing(RouteLatency::method, Listing.TEXT)),
        REQUESTS(Comparator.comparingLong(RouteLatency::requests)),
        ERRORS(Comparator.comparingLong(RouteLatency::serverErrors)),
        ERRORRATE(Comparator.comparingDouble(RouteLatency::errorRate)),
        P50(Comparator.comparing(RouteLatency::p50Millis, Comparator.nullsFirst(Comparator.naturalOrder()))),
        P95(Comparator.comparing(RouteLatency::p95Millis, Comparator.nullsFirst(Comparator.naturalOrder()))),
        P99(Comparator.comparing(RouteLatency::p99Millis, Comparator.nullsFirst(Comparator.naturalOrder()))),
        MAX(Comparator.comparing(RouteLatency::maxMillis, Comparator.nullsFirst(Comparator.naturalOrder())));

        private final Comparator<RouteLatency> order;

        Sort(Comparator<RouteLatency> order) {
            this.order = order.thenComparing(RouteLatency::route, Listing.TEXT)
                    .thenComparing(RouteLatency::method, Listing.TEXT);
        }
    }
}
