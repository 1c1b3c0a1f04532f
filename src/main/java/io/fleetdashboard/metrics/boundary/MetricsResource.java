package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.BadRequestException;
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
import jakarta.ws.rs.DefaultValue;
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
import java.util.Locale;
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
    public List<ContainerRef> containers(@QueryParam("q") String q, @QueryParam("limit") @DefaultValue("20") int limit) {
        return history.search(q, Math.max(1, Math.min(limit, 200)));
    }

    @GET
    @Path("containers/{key}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "One metric of one container over a range: points, summary and anomalies (format=csv for "
            + "CSV; resolution auto|raw|rollup)")
    public Response series(@PathParam("key") String key, @QueryParam("metric") @DefaultValue("cpu") String metric,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("step") String step, @QueryParam("resolution") String resolution,
                           @QueryParam("format") String format) {
        Metric m = metric(metric);
        TimeRange range = TimeRange.parse(from, to, Instant.now());
        Long stepSeconds = null;
        if (step != null && !step.isBlank()) {
            try {
                stepSeconds = Long.parseLong(step.strip());
            } catch (NumberFormatException e) {
                throw new BadRequestException("step must be a whole number of seconds.");
            }
            if (stepSeconds < 0 || stepSeconds > 86_400) {
                throw new BadRequestException("step must be between 0 and 86400 seconds.");
            }
        }
        ContainerRef container = history.container(key).orElse(null);
        if (container == null) {
            return ApiError.response(Response.Status.NOT_FOUND, "not_found", "No metrics for container " + key);
        }
        Boolean rollups = switch (resolution == null ? "auto" : resolution.strip().toLowerCase(Locale.ROOT)) {
            case "", "auto" -> null;
            case "raw" -> false;
            case "rollup" -> true;
            default -> throw new BadRequestException("resolution must be auto, raw or rollup.");
        };
        Series series = history.series(container, m, range.from(), range.to(), stepSeconds, rollups);
        if ("csv".equalsIgnoreCase(format)) {
            return csv(Csv.series(series), "metrics-" + container.name() + "-" + m.apiName() + ".csv");
        }
        return Response.ok(series).build();
    }

    @GET
    @Path("top")
    @Operation(summary = "Top consumers by CPU and memory, fleet-wide, and per-endpoint totals (latest samples)")
    public Top top(@QueryParam("limit") @DefaultValue("10") int limit) {
        return history.top(Math.max(1, Math.min(limit, 100)));
    }

    @GET
    @Path("anomalies")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Stored anomalies, newest first, filtered (format=csv for CSV)")
    public Response anomalies(@QueryParam("from") String from, @QueryParam("to") String to,
                              @QueryParam("container") String container, @QueryParam("metric") String metric,
                              @QueryParam("severity") String severity, @QueryParam("direction") String direction,
                              @QueryParam("limit") @DefaultValue("500") int limit,
                              @QueryParam("format") String format) {
        TimeRange range = TimeRange.parse(from == null || from.isBlank() ? "24h" : from, to, Instant.now());
        List<Anomaly> anomalies = history.anomalies(new MetricsStore.AnomalyQuery(range.from(), range.to(),
                blankToNull(container), blankToNull(metric) == null ? null : metric(metric),
                parse(Severity.class, "severity", severity), parse(Direction.class, "direction", direction),
                Math.max(1, Math.min(limit, 10_000))));
        if ("csv".equalsIgnoreCase(format)) {
            return csv(Csv.anomalies(anomalies), "anomalies.csv");
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
    public Response collect(@QueryParam("wait") @DefaultValue("60") int wait) {
        if (!collector.enabled()) {
            return ApiError.response(Response.Status.CONFLICT, "metrics_disabled",
                    "Metrics collection is turned off (METRICS_ENABLED=false).");
        }
        if (wait < 0 || wait > 300) {
            throw new BadRequestException("wait must be between 0 and 300 seconds.");
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
            return ApiError.response(Response.Status.BAD_GATEWAY, "round_failed",
                    "The collection round failed: " + e.getCause().getMessage());
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
    public Response samples(SyntheticSamples body, @QueryParam("holdSeconds") @DefaultValue("0") int holdSeconds) {
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

    private static Response csv(String body, String fileName) {
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^\\w.-]", "_")
                        + "\"").build();
    }

    static Metric metric(String name) {
        return Metric.parse(name == null ? "" : name.strip()).orElseThrow(() -> new BadRequestException(
                "metric must be one of cpu, memory, memory_percent, net_rx, net_tx, block_read, block_write."));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(name + " has no value " + value.strip() + ".");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
