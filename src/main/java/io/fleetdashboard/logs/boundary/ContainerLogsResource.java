package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.logs.control.ContainerLogReader;
import io.fleetdashboard.logs.control.LogSources;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTarget;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One container's logs as text, read live from Docker through Portainer (operators: logs often hold secrets). */
@Path("v1/containers/{key}/logs")
@RequestScoped
public class ContainerLogsResource {

    @Inject
    LogSources sources;

    @Inject
    ContainerLogReader reader;

    @Inject
    LogResponses responses;

    @Inject
    CurrentUser user;

    @GET
    @Produces({LogResponses.TEXT, "application/json"})
    @Operation(summary = "A container's logs as text/plain, one line per log line: [timestamp ][stderr] text "
            + "(stderr marked [stderr], Docker's own errors [docker]). tail 1-10000 (default 500; Docker applies it "
            + "before since, so both together can give fewer lines), since (ISO-8601, epoch ms or an age like 15m), "
            + "timestamps true|false (default true), stream stdout|stderr|both (default both), download=true for a "
            + "named .txt file. 404 unknown container, 409 endpoint offline or async edge, or container dead, "
            + "501 log driver none, 429 too many log streams open, 502/504 Portainer failed; follow=true is refused "
            + "with a pointer to /logs/follow")
    public void logs(@PathParam("key") String key, @QueryParam("tail") String tail, @QueryParam("since") String since,
                     @QueryParam("timestamps") String timestamps, @QueryParam("stream") String stream,
                     @QueryParam("download") String download, @QueryParam("follow") String follow,
                     @Suspended AsyncResponse async) {
        if (LogParams.flag("follow", follow, false)) {
            // a reading that never ends is its own route (server-sent events, limits, release): say so, never ignore
            throw new io.fleetdashboard.api.boundary.BadRequestException("follow is not a parameter of this route: "
                    + "GET /api/v1/containers/{key}/logs/follow streams new lines as server-sent events.");
        }
        ContainerKey parsed = LogParams.key(key);
        user.requireIn(parsed.environment(), Role.OPERATOR);
        LogRequest request = LogParams.request(tail, since, timestamps, stream, Instant.now());
        boolean asFile = LogParams.flag("download", download, false);
        String name = user.getName();
        AtomicReference<LogTarget> target = new AtomicReference<>();
        responses.answer(async, request, () -> asFile ? target.get().name() : null, use -> {
            target.set(sources.resolve(parsed));
            reader.read(target.get(), request, name, use);
        });
    }
}
