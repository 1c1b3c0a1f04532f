package io.fleetdashboard.tracing.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.tracing.control.RequestStatistics;
import io.fleetdashboard.tracing.control.RouteQuery;
import io.fleetdashboard.tracing.entity.LatencyPoint;
import io.fleetdashboard.tracing.entity.RouteLatency;
import io.fleetdashboard.tracing.entity.TracedRequest;
import io.fleetdashboard.tracing.entity.TracingSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Request tracing (admins: AccessPolicy): latency percentiles and error rates per route over a window, the
 * timeline of every route together, and the recent sampled requests; the Tracing page shows the same.
 */
@Path("v1/tracing")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TracingResource {

    static final String[] CSV_HEADER = {"method", "route", "requests", "server_errors", "client_errors",
            "error_rate", "p50_ms", "p95_ms", "p99_ms", "max_ms"};

    @Inject
    RequestStatistics statistics;

    /** The routes of the window with the settings and the totals. */
    public record Routes(TracingSummary summary, List<RouteLatency> routes) {
    }

    @GET
    @Path("routes")
    @Produces({MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE})
    @Operation(summary = "Latency (p50, p95, p99, max in ms) and outcomes (5xx server errors, 4xx client errors, "
            + "error rate = 5xx share) per method and route over the last `hours` (1 to the retention, default 1; "
            + "in 5-minute steps); filters method, search (part of the route), errorsOnly; sort route|method|"
            + "requests|errors|errorrate|p50|p95|p99|max, order asc|desc (default p95, slowest first); format=csv")
    public Response routes(@QueryParam("hours") String hours, @QueryParam("method") String method,
                           @QueryParam("search") String search, @QueryParam("errorsOnly") String errorsOnly,
                           @QueryParam("sort") String sort, @QueryParam("order") String order,
                           @QueryParam("format") String format) {
        Duration window = window(hours);
        RouteQuery query = new RouteQuery(window, method(method), search,
                Boolean.TRUE.equals(QueryParams.booleanParam("errorsOnly", errorsOnly, false)),
                QueryParams.enumParam("sort", sort, RouteQuery.Sort.class, RouteQuery.Sort.P95),
                QueryParams.word("order", order, "desc", "asc", "desc").equals("desc"));
        List<RouteLatency> routes = statistics.routes(query);
        if (QueryParams.word("format", format, "json", "json", "csv").equals("csv")) {
            return CsvTable.stream(CsvTable.fileName("tracing_routes", Instant.now()), CSV_HEADER, routes,
                    TracingResource::csv);
        }
        return Response.ok(new Routes(statistics.summary(window), routes), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("timeline")
    @Operation(summary = "Requests, 5xx errors and p95 latency of every route together (or of the routes whose "
            + "template contains `search`) per 5-minute step over the last `hours` (default 1), oldest first")
    public List<LatencyPoint> timeline(@QueryParam("hours") String hours, @QueryParam("search") String search) {
        String part = Listing.blankToNull(search);
        return statistics.timeline(window(hours), route -> Listing.matches(part, route));
    }

    @GET
    @Path("requests")
    @Operation(summary = "The recent requests kept by sampling (TRACING_SAMPLE_RATE), newest first: time, method, "
            + "route, path (no query string), status, duration in ms, user; filters method, search (route or path), "
            + "errorsOnly (5xx); limit 1-1000 (default 100)")
    public List<TracedRequest> requests(@QueryParam("method") String method, @QueryParam("search") String search,
                                        @QueryParam("errorsOnly") String errorsOnly,
                                        @QueryParam("limit") String limit) {
        return statistics.recent(requestFilter(method(method), search,
                        Boolean.TRUE.equals(QueryParams.booleanParam("errorsOnly", errorsOnly, false))),
                QueryParams.intParam("limit", limit, 100, 1, 1000));
    }

    /** Recent requests by method (null: any), part of the route or path, and 5xx only. */
    static Predicate<TracedRequest> requestFilter(String method, String search, boolean errorsOnly) {
        String part = Listing.blankToNull(search);
        return r -> (method == null || method.equals(r.method())) && (!errorsOnly || r.serverError())
                && (Listing.matches(part, r.route()) || Listing.matches(part, r.path()));
    }

    private Duration window(String hours) {
        return Duration.ofHours(QueryParams.intParam("hours", hours, 1, 1, (int) statistics.retention().toHours()));
    }

    /** An HTTP method as a word of letters (GET, POST, ...), or null for any. */
    static String method(String method) {
        if (QueryParams.absent(method)) {
            return null;
        }
        return QueryParams.word("method", method, null, "get", "post", "put", "delete", "patch", "head", "options")
                .toUpperCase(java.util.Locale.ROOT);
    }

    static Object[] csv(RouteLatency r) {
        return new Object[] {r.method(), r.route(), r.requests(), r.serverErrors(), r.clientErrors(),
                String.format(java.util.Locale.ROOT, "%.4f", r.errorRate()), r.p50Millis(), r.p95Millis(),
                r.p99Millis(), r.maxMillis()};
    }
}
