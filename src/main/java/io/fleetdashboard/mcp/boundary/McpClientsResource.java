package io.fleetdashboard.mcp.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.mcp.control.McpClients;
import io.fleetdashboard.mcp.entity.McpClientView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The MCP server's clients (admins: AccessPolicy): list, create (the token is in this answer only), revoke. */
@Path("v1/mcp/clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class McpClientsResource {

    /** The body of a create: the client's name and role (viewer or operator). */
    public record NewClient(String name, String role) {
    }

    @Inject
    McpClients clients;

    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "MCP clients, newest first: id, name, role, created (when, by), last used (to the minute), "
            + "revoked (when, by). Never a token")
    public Map<String, Object> list() {
        user.require(Role.ADMIN);
        List<McpClientView> all = clients.list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", Instant.now().toString());
        body.put("count", all.size());
        body.put("items", all.stream().map(McpClientsResource::json).toList());
        return body;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an MCP client {name, role: viewer|operator}; 201 with its bearer token, shown this "
            + "once (only its SHA-256 is stored); audited as mcp.client-create")
    public Response create(NewClient body) {
        user.require(Role.ADMIN);
        if (body == null) {
            throw new BadRequestException("A JSON body with name and role (viewer or operator) is required.");
        }
        McpClients.Created created = clients.create(body.name(), McpClients.role(body.role()), user.getName(),
                user.getRoleName());
        Map<String, Object> answer = json(created.client());
        answer.put("token", created.token());
        answer.put("note", "Shown once: store it in the client's configuration now.");
        return Response.status(201).entity(answer).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("{id}/revoke")
    @Operation(summary = "Revoke an MCP client: its token is refused (401) from its next request on; audited as "
            + "mcp.client-revoke. 404 when there is no such client")
    public Response revoke(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        long clientId = QueryParams.longParam("id", id, -1, 1, Long.MAX_VALUE);
        return clients.revoke(clientId, user.getName(), user.getRoleName())
                .map(c -> Response.ok(json(c)).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "not_found",
                        "message", "No MCP client with id " + clientId + ".")).build());
    }

    static Map<String, Object> json(McpClientView c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("name", c.name());
        row.put("role", c.role().groupName());
        row.put("createdAt", c.createdAt().toString());
        row.put("createdBy", c.createdBy());
        row.put("lastUsedAt", c.lastUsedAt() == null ? null : c.lastUsedAt().toString());
        row.put("revoked", c.revoked());
        row.put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString());
        row.put("revokedBy", c.revokedBy());
        return row;
    }
}
