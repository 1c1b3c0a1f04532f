package io.fleetdashboard.containers.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.containers.control.ContainerActions;
import io.fleetdashboard.containers.control.ContainerDetailsReader;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ContainerDetails;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.portainer.entity.ContainerAction;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * One container: its details read live (GET, viewers) and the actions start, stop, restart and kill (POST,
 * operators: AccessPolicy). Its own root path with the key in it, so FleetResource keeps the list
 * GET /api/v1/containers (JAX-RS picks one root resource per request, the one with the longest literal path).
 */
@Path("v1/containers/{key}")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ContainerResource {

    @Inject
    ContainerDetailsReader reader;

    @Inject
    ContainerActions actions;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "A container read live from Docker (inspect and a stats sample, cached 10 s): state, health "
            + "log, restart policy and count, image, command, ports, labels, environment variables (secret-looking "
            + "values masked), networks, mounts, security posture, CPU and memory. When Docker cannot be asked, "
            + "source is SNAPSHOT with the last-known summary and unavailable says why. 404 for an unknown container")
    public Response details(@PathParam("key") String key) {
        ContainerKey parsed = key(key);
        return reader.details(parsed).map(d -> Response.ok(d).build()).orElseGet(() -> notFound(parsed));
    }

    @POST
    @Path("{action}")
    @Operation(summary = "start, stop, restart or kill one container (operator); never retried. 200 with the result "
            + "(outcome DONE or NOTHING_TO_DO, the state afterwards), 404 unknown container, 409 not possible in its "
            + "state, 502/504 Portainer or Docker failed. Every call is audited")
    public Response act(@PathParam("key") String key, @PathParam("action") String action) {
        ContainerKey parsed = key(key);
        ContainerAction what = action(action);
        user.requireIn(parsed.environment(), Role.OPERATOR);
        ActionResult result = actions.act(parsed, what, user.getName(), user.getRoleNameIn(parsed.environment()));
        return switch (result.outcome()) {
            case DONE, NOTHING_TO_DO -> Response.ok(result).build();
            case NOT_FOUND -> ApiError.response(Response.Status.NOT_FOUND, "not_found", result.message());
            case REFUSED -> ApiError.response(Response.Status.CONFLICT, "conflict", result.message());
            case FAILED -> ApiError.response(Response.Status.BAD_GATEWAY, "action_failed", result.message());
        };
    }

    static ContainerKey key(String key) {
        return ContainerKey.parse(key).orElseThrow(() -> new BadRequestException(
                "A container key is environment:endpointId:containerId (Docker's hex id, 12 to 64 digits)."));
    }

    static ContainerAction action(String action) {
        return ContainerAction.parse(action).orElseThrow(() -> new BadRequestException(
                "action must be one of: start, stop, restart, kill."));
    }

    private static Response notFound(ContainerKey key) {
        return ApiError.response(Response.Status.NOT_FOUND, "not_found", "No container " + key.containerId()
                .substring(0, 12) + " on endpoint " + key.endpointKey() + " (removed, or an unknown environment).");
    }
}
