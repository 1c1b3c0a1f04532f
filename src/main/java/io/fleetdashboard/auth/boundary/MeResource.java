package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** GET /api/v1/me: who the API caller is and what the role allows (for clients and for checking the setup). */
@Path("v1/me")
@RequestScoped
public class MeResource {

    @Inject
    CurrentUser currentUser;

    @Context
    SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject me() {
        return Json.createObjectBuilder()
                .add("username", currentUser.getName())
                .add("role", currentUser.getRoleName())
                .add("viewer", currentUser.isViewer())
                .add("operator", currentUser.isOperator())
                .add("admin", currentUser.isAdmin())
                // Single sign-on roles held in some environments only (stronger there than "role").
                .add("environmentRoles", environmentRoles())
                // The container's view of the same caller (groups mapped to roles of the same name).
                .add("principal", security.getUserPrincipal() == null ? "" : security.getUserPrincipal().getName())
                .add("containerAdmin", security.isUserInRole(Role.ADMIN.groupName()))
                .build();
    }

    private JsonObject environmentRoles() {
        var roles = Json.createObjectBuilder();
        currentUser.getEnvironmentRoles().forEach((environment, role) -> roles.add(environment, role.groupName()));
        return roles.build();
    }
}
