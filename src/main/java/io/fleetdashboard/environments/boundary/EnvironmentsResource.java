package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.OptionalBody;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.backups.control.Backups;
import io.fleetdashboard.backups.entity.BackupRequest;
import io.fleetdashboard.backups.entity.BackupSummary;
import io.fleetdashboard.auth.boundary.CurrentUser;
import io.fleetdashboard.environments.control.EnvironmentAdmin;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.ConnectionCheck;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentInput;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ConnectionProbe;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.PortainerStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The Portainer servers: list (without keys), add, change, remove (admins), and connection tests. Keys are accepted,
 * never returned. Errors: JSON {"error","message"}: 400 invalid input, 404 unknown, 409 read-only or taken.
 */
@Path("v1/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {

    @Inject
    Environments environments;

    @Inject
    EnvironmentAdmin admin;

    @Inject
    PortainerGateway gateway;

    @Inject
    CurrentUser user;

    @Inject
    Backups backups;

    @GET
    @Operation(summary = "Every environment: name, URL, source (ENV, UI, SIMULATOR), origin, TLS and limits; no keys")
    public List<EnvironmentSummary> list() {
        return admin.list();
    }

    @GET
    @Path("{name}")
    @Operation(summary = "One environment, without its key")
    public EnvironmentSummary one(@PathParam("name") String name) {
        return admin.summary(name);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add an environment (admins): name (a-z, 0-9, '-'; default: from displayName), displayName, "
            + "apiUrl, apiKey (required, write-only), verifySsl, timeoutSeconds 1-600, connectTimeoutSeconds 0-120, "
            + "maxConcurrency 0-64 (0: defaults), caBundle (PEM), enabled. 201 with the environment")
    public Response create(EnvironmentInput input) {
        EnvironmentSummary created = admin.create(required(input), user.getName(), user.getRoleName());
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change an environment (admins): the fields given; a blank or missing apiKey keeps the key. "
            + "Environments of the variables: only enabled")
    public EnvironmentSummary update(@PathParam("name") String name, EnvironmentInput input) {
        return admin.update(name, required(input), user.getName(), user.getRoleName());
    }

    @DELETE
    @Path("{name}")
    @Operation(summary = "Remove an environment added in the UI (admins); its data leaves the fleet with the refresh "
            + "that starts")
    public Response delete(@PathParam("name") String name) {
        admin.delete(name, user.getName(), user.getRoleName());
        return Response.noContent().build();
    }

    @POST
    @Path("{name}/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Test a connection (admins): the stored environment, with unsaved changes from the optional "
            + "body over it, or unsaved settings alone for a new name. Always 200: ok, version, endpoints, latencyMs, "
            + "or reason (dns, refused, tls, ca_bundle, unauthorized, forbidden, timeout, …) and message")
    public ConnectionProbe test(@PathParam("name") String name, String body) {
        return admin.test(name, OptionalBody.parse(body, EnvironmentInput.class), user.getName(), user.getRoleName());
    }

    @POST
    @Path("{name}/backups")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Back up the Portainer server (admins), optionally with a password Portainer encrypts the "
            + "archive with ({\"password\": …}); runs in the background: 202 with the running backup, or 200 "
            + "when it ended within wait seconds (0-300, default 0)")
    public Response backup(@PathParam("name") String name, @QueryParam("wait") String wait, String body) {
        int seconds = QueryParams.intParam("wait", wait, 0, 0, 300);
        BackupRequest request = OptionalBody.parse(body, BackupRequest.class);
        BackupSummary started = backups.start(name, request == null ? null : request.password(), false,
                user.getName(), user.getRoleName());
        BackupSummary now = backups.await(started.id(), Duration.ofSeconds(seconds));
        return Response.status("running".equals(now.status()) ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(now).build();
    }

    /**
     * Tests an environment through its pooled client: the server's version and its endpoints (all pages).
     * Failures: JSON {"error","message"} (PortainerExceptionMapper).
     */
    @GET
    @Path("{name}/status")
    @Operation(summary = "The server's version and its endpoints (all pages), through the environment's own client")
    public ConnectionCheck status(@PathParam("name") String name) {
        EnvironmentConnection connection = environments.connection(name).orElseThrow(() -> new EnvironmentRejected(
                EnvironmentRejected.Why.NOT_FOUND, "No environment named " + name));
        PortainerStatus status = gateway.status(connection);
        List<Endpoint> endpoints = gateway.endpoints(connection);
        return new ConnectionCheck(status.version(), status.instanceId(), endpoints.size(),
                (int) endpoints.stream().filter(Endpoint::online).count());
    }

    private static EnvironmentInput required(EnvironmentInput input) {
        if (input == null) {
            throw new BadRequestException("A JSON body with the environment's fields is required.");
        }
        return input;
    }
}
