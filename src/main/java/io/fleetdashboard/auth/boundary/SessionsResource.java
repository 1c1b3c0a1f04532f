package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.SignedInSessions;
import io.fleetdashboard.auth.entity.LiveSession;
import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is signed in (admins: AccessPolicy), and ending a session: the API twin of the Sessions page. */
@Path("v1/sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    @Inject
    SignedInSessions sessions;

    @Inject
    CurrentUser user;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "Signed-in sessions (form, single sign-on, kept sign-in; not HTTP Basic calls): id, user, "
            + "role, environment roles, how, address, user agent, since, last activity; most recently active first. "
            + "Held in this server's memory; asOf says when the list was made")
    public Map<String, Object> list() {
        List<LiveSession> live = sessions.list();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", Instant.now().toString());
        body.put("count", live.size());
        body.put("items", live.stream().map(SessionsResource::json).toList());
        return body;
    }

    @POST
    @Path("{id}/end")
    @Operation(summary = "Ends that session now (its next request is signed out) and revokes the user's kept "
            + "sign-ins; audited as auth.session-end. 404 when no such session is signed in")
    public Response end(@PathParam("id") String id) {
        user.require(Role.ADMIN);
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) {
            return Response.status(400).entity(Json.createObjectBuilder().add("error", "bad_request")
                    .add("message", "id: not a session id").build()).build();
        }
        return sessions.endByAdmin(id, user.getName(), user.getRoleName(), request.getRemoteAddr())
                .map(ended -> Response.ok(Json.createObjectBuilder().add("ended", true).add("id", id)
                        .add("username", ended.getUsername()).build()).build())
                .orElseGet(() -> Response.status(404).entity(Json.createObjectBuilder().add("error", "not_found")
                        .add("message", "No signed-in session with that id (signed out already?)").build()).build());
    }

    static Map<String, Object> json(LiveSession s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", s.id());
        row.put("username", s.username());
        row.put("role", s.role());
        row.put("environmentRoles", s.environmentRoles());
        row.put("method", s.method());
        row.put("address", s.address());
        row.put("userAgent", s.userAgent());
        row.put("since", s.since().toString());
        row.put("lastActivity", s.lastActivity().toString());
        row.put("keepSignedIn", s.keepSignedIn());
        return row;
    }
}
