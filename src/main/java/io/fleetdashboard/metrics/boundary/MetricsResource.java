package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.metrics.control.MetricsCollector;
import io.fleetdashboard.metrics.control.MetricsHistory;
import io.fleetdashboard.metrics.control.MetricsMaintenance;
import io.fleetdashboard.metrics.control.MetricsStore;
import io.fleetdashboard.metrics.control.WriteHold;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.MaintenanceReport;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.MetricsStatus;
import io.fleetdashboard.metrics.entity.RoundReport;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.metrics.entity.Series;
import io.fleetdashboard.metrics.entity.Severity;
import io.fleetdashboard.metrics.entity.Top;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The metrics history API. Reads for viewers; collect for operators; admin/* (synthetic samples, write hold,
 * maintenance) for admins (AccessPolicy). Errors as {error, message}.
 */
@Path("v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class MetricsResource {

    static final String CSV = "text/csv";
    private static final Logger LOG = Logger.getLogger(MetricsResource.class.getName());
    private static final Map<String, Metric> METRICS = Arrays.stream(Metric.values())
            .collect(Collectors.toMap(Metric::apiName, m -> m, (a, b) -> a, LinkedHashMap::new));

    @Inject
    MetricsHistory history;

    @Inject
    MetricsCollector collector;

    @Inject
    MetricsMaintenance maintenance;

    @Inject
    MetricsStore store;

    @Inject
    WriteHold writeHold;

    public record Written(int written) {
    }

    public record SyntheticSamples(List<Sample> samples) {
    }

    @GET
    @Path("containers")
    @Operation(summary = "Containers with history whose name, endpoint or key contains q")
    public List<ContainerRef> containers(@QueryParam("q") String q, @QueryParam("limit") String limit) {
        return history.search(q, QueryParams.intParam("limit", limit, 20, 1, 200));
    }

    @GET
    @Path("containers/{key}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "One metric of one container over a range: points, summary and anomalies (format=csv for "
            + "CSV; resolution auto|raw|rollup)")
    public Response series(@PathParam("key") String key, @QueryParam("metric") String metric,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("step") String step, @QueryParam("resolution") String resolution,
                           @QueryParam("format") String format) {
        Metric m = QueryParams.choice("metric", metric, METRICS, Metric.CPU);
        TimeRange range = TimeRange.parse(from, to, Instant.now());
        Long stepSeconds = QueryParams.absent(step) ? null : QueryParams.longParam("step", step, 0, 0, 86_400);
        Resolution chosen = QueryParams.enumParam("resolution", resolution, Resolution.class, Resolution.AUTO);
        boolean csv = csv(format);
        ContainerRef container = history.container(key).orElse(null);
        if (container == null) {
            return ApiError.response(Response.Status.NOT_FOUND, "not_found", "No metrics for this container.");
        }
        Series series = history.series(container, m, range.from(), range.to(), stepSeconds, chosen.rollups);
        if (csv) {
            return Csv.series(series).download("metrics-" + container.name() + "-" + m.apiName() + ".csv");
        }
        return Response.ok(series).build();
    }

    @GET
    @Path("top")
    @Operation(summary = "Top consumers by CPU and memory, fleet-wide, and per-endpoint totals (latest samples)")
    public Top top(@QueryParam("limit") String limit) {
        return history.top(QueryParams.intParam("limit", limit, 10, 1, 100));
    }

    @GET
    @Path("anomalies")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Stored anomalies, newest first, filtered (format=csv for CSV)")
    public Response anomalies(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("container") String container, @QueryParam("metric") String metric,
                              @QueryParam("severity") String severity, @QueryParam("direction") String direction,
                              @QueryParam("limit") String limit,
                              @QueryParam("format") String format) {
        TimeRange range = TimeRange.parse(QueryParams.absent(from) ? "24h" : from, to, Instant.now());
        MetricsStore.AnomalyQuery query = new MetricsStore.AnomalyQuery(range.from(), range.to(),
                QueryParams.absent(container) ? null : container.strip(),
                QueryParams.choice("metric", metric, METRICS, null),
                QueryParams.enumParam("severity", severity, Severity.class, null),
                QueryParams.enumParam("direction", direction, Direction.class, null),
                QueryParams.intParam("limit", limit, 500, 1, 10_000));
        boolean csv = csv(format);
        List<Anomaly> anomalies = history.anomalies(query);
        if (csv) {
            return Csv.anomalies(anomalies).download("anomalies.csv");
        }
        return Response.ok(new AnomalyList(range.from(), range.to(), anomalies.size(), anomalies)).build();
    }

    public record AnomalyList(Instant from, Instant to, int count, List<Anomaly> anomalies) {
    }

    @GET
    @Path("status")
    @Operation(summary = "Collector and store status: enabled, interval, last round, coverage, store size, retention")
    public MetricsStatus status() {
        return history.status();
    }

    @POST
    @Path("collect")
    @Operation(summary = "Run a collection round now (or join the running one) and wait up to `wait` seconds")
    public Response collect(@QueryParam("wait") String waitSeconds) {
        int wait = QueryParams.intParam("wait", waitSeconds, 60, 0, 300);
        if (!collector.enabled()) {
            return ApiError.response(Response.Status.CONFLICT, "metrics_disabled",
                    "Metrics collection is turned off (METRICS_ENABLED=false).");
        }
        try {
            RoundReport report = collector.collect().get(wait, TimeUnit.SECONDS);
            return Response.ok(report).build();
        } catch (TimeoutException e) {
            return Response.accepted(collector.lastRound().orElse(null)).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the round");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Metrics collection round failed", e.getCause());
            return ApiError.response(Response.Status.BAD_GATEWAY, "round_failed",
                    "The collection round failed; the server log has the details.");
        }
    }

    @POST
    @Path("admin/maintenance")
    @Operation(summary = "Admin: roll up and purge now")
    public MaintenanceReport maintain() {
        return maintenance.run();
    }

    @POST
    @Path("admin/samples")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Admin: store synthetic samples (imports, tests); holdSeconds > 0 keeps the write "
            + "transaction open that long or until admin/hold/release")
    public Response samples(SyntheticSamples body, @QueryParam("holdSeconds") String hold) {
        int holdSeconds = QueryParams.intParam("holdSeconds", hold, 0, 0, (int) WriteHold.MAX_HOLD_SECONDS);
        if (body == null || body.samples() == null || body.samples().isEmpty()) {
            throw new BadRequestException("samples must list at least one sample.");
        }
        for (Sample s : body.samples()) {
            if (s.containerKey() == null || s.at() == null) {
                throw new BadRequestException("Every sample needs containerKey and at.");
            }
        }
        List<Sample> samples = body.samples().stream().map(s -> new Sample(s.containerKey(),
                s.containerName() == null ? s.containerKey() : s.containerName(),
                s.endpointKey() == null ? "" : s.endpointKey(), s.endpointName() == null ? "" : s.endpointName(),
                s.at(), s.cpuPercent(), s.memoryBytes(), s.memoryPercent(), s.memoryLimit(), s.netRx(), s.netTx(),
                s.blockRead(), s.blockWrite())).toList();
        if (holdSeconds > 0) {
            try {
                return Response.ok(writeHold.start(samples, Duration.ofSeconds(holdSeconds))).build();
            } catch (IllegalStateException e) {
                return ApiError.response(Response.Status.CONFLICT, "hold_open", e.getMessage());
            }
        }
        return Response.ok(new Written(store.write(samples, List.of(), null))).build();
    }

    @GET
    @Path("admin/hold")
    @Operation(summary = "Admin: the write hold's state (open = inserted, not committed)")
    public WriteHold.State hold() {
        return writeHold.state();
    }

    @POST
    @Path("admin/hold/release")
    @Operation(summary = "Admin: let the held write commit")
    public WriteHold.State release() {
        return writeHold.release();
    }

    /** format=json (the default) or format=csv. */
    private static boolean csv(String format) {
        return QueryParams.word("format", format, "json", "json", "csv").equals("csv");
    }

    /** resolution=auto|raw|rollup: chosen by range, raw samples, 5-minute rollups. */
    enum Resolution {
        AUTO(null), RAW(false), ROLLUP(true);

        final Boolean rollups;

        Resolution(Boolean rollups) {
            this.rollups = rollups;
        }
    }
}
