package io.fleetdashboard.audit.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.fleet.entity.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log (admins: AccessPolicy), filtered, sorted and paged like the Audit page; format=csv for a download. */
@Path("v1/audit")
@RequestScoped
public class AuditResource {

    /** The most rows one CSV download holds (newest first within the sort). */
    static final int CSV_MAX_ROWS = 50_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    AuditLog log;

    @GET
    @Produces({MediaType.APPLICATION_JSON, CsvTable.MEDIA_TYPE})
    @Operation(summary = "Audit log rows; filters: actor (who; user is the same filter), action (exact, or component.* such as container.*), result "
            + "(success|no_change|failure|denied), from, to (ISO-8601, epoch ms or an age like 24h); sort at|user|"
            + "action|target|result|duration, order asc|desc (default: newest first); limit 1-1000, offset; "
            + "format=csv downloads every matching row (at most 50,000)")
    public Response audit(@QueryParam("actor") String actor, @QueryParam("user") String userAlias,
                          @QueryParam("action") String action,
                          @QueryParam("result") String result, @QueryParam("from") String from,
                          @QueryParam("to") String to, @QueryParam("sort") String sort,
                          @QueryParam("order") String order, @QueryParam("limit") String limit,
                          @QueryParam("offset") String offset, @QueryParam("format") String format) {
        Instant now = Instant.now();
        String user = actor(actor, userAlias);
        AuditFilter filter = new AuditFilter(QueryParams.absent(user) ? null : user.strip(),
                QueryParams.absent(action) ? null : action.strip(),
                QueryParams.enumParam("result", result, AuditResult.class, null),
                QueryParams.instant("from", from, now), QueryParams.instant("to", to, now));
        String sortBy = QueryParams.word("sort", sort, "at", AuditLog.SORTS.keySet().toArray(String[]::new));
        boolean ascending = QueryParams.word("order", order, "desc", "asc", "desc").equals("asc");
        if (QueryParams.word("format", format, "json", "json", "csv").equals("csv")) {
            return csv(log.page(filter, sortBy, ascending, 0, CSV_MAX_ROWS), now);
        }
        int size = QueryParams.intParam("limit", limit, 100, 1, 1000);
        int skip = QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
        return Response.ok(new Page<>(log.count(filter), skip, size, log.page(filter, sortBy, ascending, skip, size)),
                MediaType.APPLICATION_JSON).build();
    }

    static Response csv(List<AuditEvent> events, Instant now) {
        CsvTable table = new CsvTable("Time (UTC)", "User", "Role", "Action", "Target", "Target name", "Result",
                "Duration (ms)", "Detail");
        for (AuditEvent e : events) {
            table.row(e.at(), e.user(), e.role(), e.action(), e.target(), e.targetName(), e.result(),
                    e.durationMillis(), e.detail());
        }
        return table.download("audit_" + FILE_TIME.format(now) + ".csv");
    }

    /** actor, or user (its earlier name); both only when they agree. */
    static String actor(String actor, String user) {
        if (!QueryParams.absent(actor) && !QueryParams.absent(user) && !actor.strip().equals(user.strip())) {
            throw new BadRequestException("actor and user name the same filter: give one of them.");
        }
        return QueryParams.absent(actor) ? user : actor;
    }
}
