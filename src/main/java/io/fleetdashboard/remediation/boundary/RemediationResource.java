package io.fleetdashboard.remediation.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.remediation.control.Remediation;
import io.fleetdashboard.remediation.entity.ActionStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Remediation actions: the list, and the steps approve, reject (operators, with an optional JSON body
 * {"reason": "..."}) and execute (operators; only an approved action runs). A step the action's state does not
 * allow answers 409, an unknown action 404.
 */
@Path("v1/remediation")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class RemediationResource {

    /** Counts per status and the limits. */
    public record Summary(boolean enabled, int maxPending, int timeoutSeconds, Map<String, Integer> byStatus) {
    }

    @Inject
    Remediation remediation;

    @Inject
    CurrentUser user;

    @GET
    @Path("actions")
    @Operation(summary = "Remediation actions, newest first; status pending|approved|rejected|expired|executing|"
            + "executed|failed (default all); limit 1-1000")
    public List<ActionJson> actions(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        ActionStatus s = QueryParams.enumParam("status", status, ActionStatus.class, null);
        return remediation.list(s, QueryParams.intParam("limit", limit, 200, 1, 1000)).stream().map(ActionJson::of)
                .toList();
    }

    @GET
    @Path("summary")
    @Operation(summary = "How many actions are in each status, the maximum pending and the execution timeout")
    public Summary summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ActionStatus s : ActionStatus.values()) {
            counts.put(s.apiName(), remediation.count(s));
        }
        return new Summary(remediation.enabled(), remediation.maxPending(), remediation.timeoutSeconds(), counts);
    }

    @POST
    @Path("actions/{id}/{step}")
    @Operation(summary = "approve | reject | execute an action (operators); body {\"reason\": \"...\"} optional")
    public Response step(@PathParam("id") String id, @PathParam("step") String step, String body) {
        long key = QueryParams.longParam("id", id, -1, 0, Long.MAX_VALUE);
        String what = QueryParams.word("step", step, null, "approve", "reject", "execute");
        user.require(Role.OPERATOR);
        String reason = reason(body);
        try {
            var action = switch (what) {
                case "approve" -> remediation.approve(key, user.getName(), user.getRoleName(), reason);
                case "reject" -> remediation.reject(key, user.getName(), user.getRoleName(), reason);
                default -> remediation.execute(key, user.getName(), user.getRoleName());
            };
            return Response.ok(ActionJson.of(action)).build();
        } catch (Remediation.RefusedException e) {
            return Response.status(e.missing() ? 404 : 409).entity(Map.of("error", e.missing() ? "not_found"
                    : "conflict", "message", e.getMessage())).build();
        }
    }

    private static String reason(String body) {
        try {
            return parseReason(body);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** The optional reason of a body {"reason": "..."}; IllegalArgumentException with the message for the caller. */
    static String parseReason(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("The body must be a JSON object such as {\"reason\": \"...\"}.");
            }
            JsonObject object = value.asJsonObject();
            if (!object.containsKey("reason") || object.isNull("reason")) {
                return null;
            }
            if (object.get("reason").getValueType() != JsonValue.ValueType.STRING) {
                throw new IllegalArgumentException("reason must be a string.");
            }
            String reason = object.getString("reason").strip();
            if (reason.length() > 300) {
                throw new IllegalArgumentException("reason must be at most 300 characters.");
            }
            return reason.isEmpty() ? null : reason;
        } catch (JsonException e) {
            throw new IllegalArgumentException("The body must be JSON such as {\"reason\": \"...\"}.");
        }
    }
}
