package io.fleetdashboard.insights.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.insights.control.InsightStore;
import io.fleetdashboard.insights.control.Monitor;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightFilter;
import io.fleetdashboard.insights.entity.InsightSeverity;
import io.fleetdashboard.insights.entity.InsightSort;
import io.fleetdashboard.insights.entity.InsightStatus;
import io.fleetdashboard.insights.entity.ModelAnalysis;
import io.fleetdashboard.insights.entity.RoundReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Insights of the monitor: the list (JSON or CSV), one insight with its history, the monitor's status and a round. */
@Path("v1/insights")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class InsightsResource {

    static final int CSV_MAX_ROWS = 20_000;

    /**
     * The monitor's state: on/off, interval, the last round, and the language model's reading of the last round it
     * read (null without a model; advice beside the insights, see RoundAnalyst).
     */
    public record Status(boolean enabled, long intervalMinutes, boolean running, int open, RoundReport lastRound,
                         ModelAnalysis modelAnalysis) {
    }

    @Inject
    InsightStore store;

    @Inject
    Monitor monitor;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE})
    @Operation(summary = "Insights: status open|resolved|all (default open), severity critical|warning|info, category "
            + "availability|resource|security|image, kind (e.g. crash_loop), q (text in title or resources); sort "
            + "last_seen|first_seen|severity|category|kind|title|status, order asc|desc; limit 1-1000, offset; "
            + "format=csv downloads every matching row (at most 20,000)")
    public Response insights(@QueryParam("status") String status, @QueryParam("severity") String severity,
                             @QueryParam("category") String category, @QueryParam("kind") String kind,
                             @QueryParam("q") String text, @QueryParam("sort") String sort,
                             @QueryParam("order") String order, @QueryParam("limit") String limit,
                             @QueryParam("offset") String offset, @QueryParam("format") String format) {
        InsightFilter filter = filter(status, severity, category, kind, text);
        Map<String, InsightSort> sorts = new LinkedHashMap<>();
        for (InsightSort field : InsightSort.values()) {
            sorts.put(field.name().toLowerCase(java.util.Locale.ROOT).replace("seen", "_seen"), field);
        }
        InsightSort sortBy = QueryParams.choice("sort", sort, sorts, InsightSort.LASTSEEN);
        boolean descending = QueryParams.word("order", order, "desc", "asc", "desc").equals("desc");
        if (QueryParams.word("format", format, "json", "json", "csv").equals("csv")) {
            return csv(store.list(filter, sortBy, descending, 0, CSV_MAX_ROWS), Instant.now());
        }
        int size = QueryParams.intParam("limit", limit, 100, 1, 1000);
        int skip = QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        return Response.ok(new Page<>(store.count(filter), skip, size, store.list(filter, sortBy, descending, skip,
                size).stream().map(InsightJson::of).toList()), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One insight with its history (opened, updated, resolved)")
    public Map<String, Object> insight(@PathParam("id") String id) {
        long key = QueryParams.longParam("id", id, -1, 0, Long.MAX_VALUE);
        Insight insight = store.find(key).orElseThrow(() -> new NotFoundException("No insight " + key + "."));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("insight", InsightJson.of(insight));
        out.put("history", store.history(key).stream().map(InsightJson.Event::of).toList());
        return out;
    }

    @GET
    @Path("status")
    @Operation(summary = "The monitor: enabled (MONITORING_ENABLED), interval, whether a round runs, the last round")
    public Status status() {
        return new Status(monitor.enabled(), monitor.intervalMinutes(), monitor.running(), monitor.open(),
                monitor.last().orElse(null), monitor.analysis().orElse(null));
    }

    @POST
    @Path("analyze")
    @Operation(summary = "Run a monitoring round now (after the one running, if any) and wait up to `wait` seconds "
            + "for its report (operators)")
    public Response analyze(@QueryParam("wait") String wait) {
        int seconds = QueryParams.intParam("wait", wait, 30, 0, 300);
        long started = System.nanoTime();
        try {
            RoundReport report = monitor.round().get(seconds, TimeUnit.SECONDS);
            audit.record(user.getName(), user.getRoleName(), "insights.analyze", null, null, AuditResult.SUCCESS,
                    (System.nanoTime() - started) / 1_000_000, report.opened() + " opened, " + report.resolved()
                            + " resolved, " + report.open() + " open");
            return Response.ok(report).build();
        } catch (TimeoutException e) {
            audit.record(user.getName(), user.getRoleName(), "insights.analyze", null, null, AuditResult.SUCCESS,
                    (System.nanoTime() - started) / 1_000_000, "started; still running");
            return Response.accepted(Map.of("message", "The round is still running; its insights appear when it "
                    + "ends.")).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the monitoring round");
        } catch (ExecutionException e) {
            audit.record(user.getName(), user.getRoleName(), "insights.analyze", null, null, AuditResult.FAILURE,
                    (System.nanoTime() - started) / 1_000_000, e.getCause().getClass().getSimpleName());
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "round_failed",
                    "The monitoring round failed; the server log has the details. Try again shortly.");
        }
    }

    static InsightFilter filter(String status, String severity, String category, String kind, String text) {
        String statusWord = QueryParams.word("status", status, "open", "open", "resolved", "all");
        InsightStatus s = switch (statusWord) {
            case "resolved" -> InsightStatus.RESOLVED;
            case "all" -> null;
            default -> InsightStatus.OPEN;
        };
        String k = QueryParams.absent(kind) ? null : kind.strip();
        if (k != null && !k.matches("[a-z_]{1,40}")) {
            throw new BadRequestException("kind must be a word such as crash_loop.");
        }
        String q = QueryParams.absent(text) ? null : text.strip();
        if (q != null && q.length() > 200) {
            throw new BadRequestException("q must be at most 200 characters.");
        }
        return new InsightFilter(s, QueryParams.enumParam("severity", severity, InsightSeverity.class, null),
                QueryParams.enumParam("category", category, InsightCategory.class, null), k, q);
    }

    static Response csv(List<Insight> insights, Instant now) {
        CsvTable table = new CsvTable("Id", "Status", "Severity", "Category", "Kind", "Title", "Detail", "Resources",
                "Recommended action", "First seen (UTC)", "Last seen (UTC)", "Resolved (UTC)", "Rounds", "Simulated");
        for (Insight i : insights) {
            table.row(i.getId(), i.getStatus().apiName(), i.getSeverity().apiName(), i.getCategory().apiName(),
                    i.getKind(), i.getTitle(), i.getDetail(), String.join(" ", i.resourceList()), i.getRecommended(),
                    i.firstSeen(), i.lastSeen(), i.resolvedAt(), i.getRounds(), i.isSimulated());
        }
        return table.download(CsvTable.fileName("insights", now));
    }
}
