package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Degradation;
import io.fleetdashboard.fleet.control.FleetCollector;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("v1/refresh")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RefreshResource {

    private static final Logger LOG = Logger.getLogger(RefreshResource.class.getName());

    /**
     * completed: the refresh ended (it may still have failed for some environments: degraded then says so, and
     * dataAsOf is the oldest environment's last successful read, not the time of this attempt).
     */
    public record Result(boolean completed, java.time.Instant takenAt, java.time.Instant dataAsOf, boolean degraded,
                        long durationMillis, List<FleetJson.Environment> environments, String message) {
    }

    @Inject
    FleetCollector collector;

    @POST
    @Operation(summary = "Start a refresh (or join the one running) and wait up to `wait` seconds for it")
    public Response refresh(@QueryParam("wait") String wait) {
        int seconds = QueryParams.intParam("wait", wait, 30, 0, 300);
        CompletableFuture<FleetSnapshot> refresh = collector.refresh();
        try {
            FleetSnapshot snapshot = refresh.get(seconds, TimeUnit.SECONDS);
            List<String> notes = Degradation.notes(snapshot);
            String message = notes.isEmpty() ? "Refreshed."
                    : "Refreshed with gaps: " + String.join("; ", notes) + ". The last known data is kept for those.";
            return Response.ok(new Result(true, snapshot.takenAt(), snapshot.freshness().dataAsOf(),
                    snapshot.freshness().degraded(), snapshot.durationMillis(),
                    snapshot.environments().stream().map(FleetJson.Environment::of).toList(), message)).build();
        } catch (TimeoutException e) {
            return Response.accepted(new Result(false, null, null, false, 0, List.of(),
                    "Still refreshing; the snapshot is replaced when it ends.")).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the refresh");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Fleet refresh failed", e.getCause());
            return Response.status(Response.Status.BAD_GATEWAY).entity(new Result(false, null, null, true, 0,
                    List.of(), "The refresh failed; the server log has the details.")).build();
        }
    }
}
