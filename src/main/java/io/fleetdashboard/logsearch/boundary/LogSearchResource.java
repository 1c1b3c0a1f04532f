package io.fleetdashboard.logsearch.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.logsearch.control.AgentHostnames;
import io.fleetdashboard.logsearch.control.ElasticsearchGateway;
import io.fleetdashboard.logsearch.entity.LogHit;
import io.fleetdashboard.logsearch.entity.LogSearchQuery;
import io.fleetdashboard.logsearch.entity.LogSearchResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Search the container logs shipped to Elasticsearch (KIBANA_* settings). The search runs on a managed thread; the
 * request thread is released while Elasticsearch works (up to KIBANA_TIMEOUT_SECONDS).
 */
@Path("v1/logs/search")
@RequestScoped
public class LogSearchResource {

    static final String[] CSV_HEADER = {"Time (UTC)", "Host", "Container", "Level", "Message"};

    @Inject
    ElasticsearchGateway gateway;

    @Inject
    Snapshots snapshots;

    /** The answer: the lines newest first and how many matched. */
    public record Answer(Instant searchedAt, long tookMillis, long total, boolean totalIsLowerBound, List<LogHit> hits) {

        static Answer of(LogSearchResult r) {
            return new Answer(r.searchedAt(), r.tookMillis(), r.total(), r.totalIsLowerBound(), r.hits());
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Log lines from Elasticsearch, newest first: hostname (agent hostname; none = every host), "
            + "container (prefix, or exact with exact=true), text (a phrase in the message), from/to (ISO-8601, epoch "
            + "ms or an age like 1h; default the last hour; at most 7 days), size 1-1000 (default 200); format=csv "
            + "for a CSV download")
    public void search(@QueryParam("hostname") @Parameter(description = "agent hostname") String hostname,
                       @QueryParam("container") String container,
                       @QueryParam("exact") @Parameter(description = "match the container name exactly") String exact,
                       @QueryParam("text") String text,
                       @QueryParam("from") String from,
                       @QueryParam("to") String to,
                       @QueryParam("size") String size,
                       @QueryParam("format") @Parameter(description = "json (default) or csv") String format,
                       @Suspended AsyncResponse response) {
        LogSearchQuery query = query(hostname, container, exact, text, from, to, size);
        boolean csv = QueryParams.word("format", format, "json", "json", "csv").equals("csv");
        int timeout = gateway.connection().map(c -> c.timeoutSeconds()).orElse(10) + 5;
        response.setTimeout(timeout, TimeUnit.SECONDS);
        gateway.searchAsync(query).whenComplete((result, failure) -> {
            if (failure != null) {
                response.resume(failure instanceof java.util.concurrent.CompletionException wrapped
                        && wrapped.getCause() != null ? wrapped.getCause() : failure);
            } else {
                response.resume(csv ? csv(result) : Response.ok(Answer.of(result), MediaType.APPLICATION_JSON)
                        .build());
            }
        });
    }

    @GET
    @Path("hostnames")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The agent hostnames a search can be narrowed to, each with the endpoints on that host")
    public List<AgentHostnames.Host> hostnames() {
        return AgentHostnames.of(snapshots.current());
    }

    static LogSearchQuery query(String hostname, String container, String exact, String text, String from, String to,
                                String size) {
        Instant now = Instant.now();
        Instant end = QueryParams.instant("to", to, now);
        end = end == null ? now : end;
        Instant start = QueryParams.instant("from", from, now);
        start = start == null ? end.minusSeconds(3600) : start;
        int limit = QueryParams.intParam("size", size, LogSearchQuery.DEFAULT_SIZE, 1, LogSearchQuery.MAX_SIZE);
        boolean exactMatch = QueryParams.booleanParam("exact", exact, false);
        try {
            return new LogSearchQuery(hostname, container, exactMatch, text, start, end, limit);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("from must be before to and at most 7 days before it.");
        }
    }

    private static Response csv(LogSearchResult result) {
        return CsvTable.stream(CsvTable.fileName("logs", result.searchedAt()), CSV_HEADER, result.hits(),
                hit -> new Object[] {hit.timestamp() == null ? "" : hit.timestamp().toString(), hit.hostname(),
                    hit.container(), hit.level(), hit.message()});
    }
}
