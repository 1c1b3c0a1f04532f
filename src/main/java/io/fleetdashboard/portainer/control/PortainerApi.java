package io.fleetdashboard.portainer.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Portainer's HTTP API, relative to the environment's base URL (ending in /api). Built per environment by
 * {@link PortainerClients}, never injected. Every method returns the raw {@link Response}: the gateway needs status,
 * headers (X-Total-Count) and the raw body (JSON parsed by the gateway, logs read as a stream), and it classifies
 * errors itself. Callers must close the Response.
 */
public interface PortainerApi extends AutoCloseable {

    /** 1-based start; limit 0 means everything. */
    @GET
    @Path("/endpoints")
    Response endpoints(@QueryParam("start") int start, @QueryParam("limit") int limit,
                       @QueryParam("excludeSnapshots") boolean excludeSnapshots);

    /** One endpoint with its stored snapshot (Snapshots[0].DockerSnapshotRaw). */
    @GET
    @Path("/endpoints/{id}")
    Response endpoint(@PathParam("id") int endpointId);

    @GET
    @Path("/endpoints/{id}/docker/containers/json")
    Response containers(@PathParam("id") int endpointId, @QueryParam("all") int all);

    @GET
    @Path("/endpoints/{id}/docker/containers/{containerId}/json")
    Response container(@PathParam("id") int endpointId, @PathParam("containerId") String containerId);

    /** stream=false for one sample. */
    @GET
    @Path("/endpoints/{id}/docker/containers/{containerId}/stats")
    Response stats(@PathParam("id") int endpointId, @PathParam("containerId") String containerId,
                   @QueryParam("stream") boolean stream);

    /**
     * Binary stream (8-byte frame headers unless the container has a TTY): read with readEntity(InputStream).
     * since: unix seconds with an optional fraction; tail: a number or "all".
     */
    @GET
    @Path("/endpoints/{id}/docker/containers/{containerId}/logs")
    Response logs(@PathParam("id") int endpointId, @PathParam("containerId") String containerId,
                  @QueryParam("stdout") int stdout, @QueryParam("stderr") int stderr, @QueryParam("tail") String tail,
                  @QueryParam("since") String since, @QueryParam("timestamps") int timestamps);

    /** action: start, stop, restart or kill; t = grace seconds (null for the default). 204, or 304 when nothing to do. */
    @POST
    @Path("/endpoints/{id}/docker/containers/{containerId}/{action}")
    Response containerAction(@PathParam("id") int endpointId, @PathParam("containerId") String containerId,
                             @PathParam("action") String action, @QueryParam("t") Integer graceSeconds);

    /** Docker's system information (operating system, architecture, engine version, CPUs, memory). */
    @GET
    @Path("/endpoints/{id}/docker/info")
    Response info(@PathParam("id") int endpointId);

    @GET
    @Path("/endpoints/{id}/docker/images/json")
    Response images(@PathParam("id") int endpointId);

    @GET
    @Path("/endpoints/{id}/docker/networks")
    Response networks(@PathParam("id") int endpointId);

    /** Every stack in one call: no pagination, no X-Total-Count. */
    @GET
    @Path("/stacks")
    Response stacks();

    /** Whether the stack's images are the registries' latest: Business Edition; Community Edition answers 404. */
    @GET
    @Path("/stacks/{id}/images_status")
    Response stackImagesStatus(@PathParam("id") int stackId);

    @GET
    @Path("/tags")
    Response tags();

    @GET
    @Path("/endpoint_groups")
    Response endpointGroups();

    @GET
    @Path("/system/status")
    Response status();

    /** JSON {"password": "…"} or {} (a body is required); the archive as a stream (portainer-api.md §7). */
    @POST
    @Path("/backup")
    @Consumes(MediaType.APPLICATION_JSON)
    Response backup(String json);
}
