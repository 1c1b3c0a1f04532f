package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetCounts;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The handful of figures a home or NOC dashboard widget shows (Homepage's customapi, Glance, Homarr), flat so that
 * a widget maps fields by name. Cheap: read from the snapshot's precomputed counts. Cacheable: the body changes only
 * with a new snapshot or when it turns stale, and its ETag says so (If-None-Match answers 304).
 */
@Path("v1/widget")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class WidgetResource {

    /** How long a widget may reuse an answer without asking (the snapshot changes at most every refresh). */
    static final int MAX_AGE_SECONDS = 15;

    @Inject
    Snapshots snapshots;

    /**
     * @param attention what needs attention, every kind together (the Home page's list)
     * @param dataAsOf  when the data was true (the oldest environment's last successful read); null: never read
     * @param status    ok, degraded (part of the fleet could not be read) or stale (older than the refresh allows)
     */
    public record Widget(int endpointsOnline, int endpointsOffline, int endpointsTotal, int containersRunning,
                         int containersStopped, int containersUnhealthy, int containersTotal, int attention,
                         Instant dataAsOf, boolean stale, boolean degraded, boolean demo, String status) {

        static Widget of(FleetSnapshot snapshot, SnapshotStatus s) {
            FleetCounts c = snapshot.counts();
            int attention = snapshot.attentionCounts().values().stream().mapToInt(Integer::intValue).sum();
            return new Widget(c.endpointsOnline(), c.endpointsOffline(), c.endpointsTotal(), c.containersRunning(),
                    c.containersStopped(), c.containersUnhealthy(), c.containersTotal(), attention, s.dataAsOf(),
                    s.stale(), s.degraded(), s.demo(), s.stale() ? "stale" : s.degraded() ? "degraded" : "ok");
        }
    }

    @GET
    @Operation(summary = "Figures for a home dashboard widget: endpoints online/offline, containers running/stopped/"
            + "unhealthy, what needs attention, how fresh (dataAsOf, stale, degraded, status); ETag and "
            + "Cache-Control: If-None-Match answers 304 while nothing changed")
    public Response widget(@Context Request request) {
        FleetSnapshot snapshot = snapshots.current();
        SnapshotStatus status = snapshots.status(snapshot);
        EntityTag tag = new EntityTag(snapshot.takenAt().toEpochMilli() + "-" + (status.stale() ? "s" : "")
                + (status.degraded() ? "d" : ""), true);
        CacheControl cache = new CacheControl();
        cache.setPrivate(true); // answers need a sign-in: shared caches must not keep them
        cache.setMaxAge(MAX_AGE_SECONDS);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(Widget.of(snapshot, status)).cacheControl(cache).tag(tag).build();
    }
}
