package io.fleetdashboard.logs.boundary;

import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.logs.control.ContainerLogReader;
import io.fleetdashboard.logs.control.LogSources;
import io.fleetdashboard.logs.control.LogStreamPermits;
import io.fleetdashboard.logs.entity.LogRequest;
import io.fleetdashboard.logs.entity.LogTargets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Several containers' logs interleaved by time, each line tagged with its container (operators). */
@Path("v1/logs")
@RequestScoped
public class LogsResource {

    @Inject
    LogSources sources;

    @Inject
    ContainerLogReader reader;

    @Inject
    LogResponses responses;

    @Inject
    CurrentUser user;

    @Inject
    LogStreamPermits permits;

    /** How many log streams and follows are open: the caller's and everyone's. */
    public record OpenStreams(int yours, int total) {
    }

    @GET
    @Path("streams")
    @Produces("application/json")
    @Operation(summary = "Log streams and follows open now: the caller's and in total")
    public OpenStreams streams() {
        return new OpenStreams(permits.open(user.getName()), permits.open());
    }

    @GET
    @Produces({LogResponses.TEXT, "application/json"})
    @Operation(summary = "The logs of up to 10 containers (containers=key1,key2,…) as text/plain, interleaved by "
            + "timestamp, each line tagged [container name]; the same tail (per container), since, timestamps, "
            + "stream and download parameters as one container's logs. A container that cannot be read gets a "
            + "[docker] line saying why, the others are shown")
    public void logs(@QueryParam("containers") String containers, @QueryParam("tail") String tail,
                     @QueryParam("since") String since, @QueryParam("timestamps") String timestamps,
                     @QueryParam("stream") String stream, @QueryParam("download") String download,
                     @Suspended AsyncResponse async) {
        List<ContainerKey> keys = LogParams.keys(containers);
        keys.stream().map(ContainerKey::environment).distinct().forEach(e -> user.requireIn(e, Role.OPERATOR));
        LogRequest request = LogParams.request(tail, since, timestamps, stream, Instant.now());
        boolean asFile = LogParams.flag("download", download, false);
        String name = user.getName();
        responses.answer(async, request, () -> asFile ? "containers" : null, use -> {
            LogTargets targets = sources.resolveAll(keys);
            reader.read(targets.targets(), targets.notes(), request, name, use);
        });
    }
}
