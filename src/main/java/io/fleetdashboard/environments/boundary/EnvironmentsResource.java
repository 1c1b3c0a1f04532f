package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.ConnectionCheck;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.PortainerStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The configured Portainer servers, without their keys, and a connection test per server. */
@Path("v1/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @GET
    public List<EnvironmentSummary> list() {
        return environments.summaries();
    }

    /**
     * Tests an environment: the server's version and its endpoints (all pages). Proves URL, key and TLS settings.
     * Failures: JSON {"error","message"} (PortainerExceptionMapper).
     */
    @GET
    @Path("{name}/status")
    public ConnectionCheck status(@PathParam("name") String name) {
        EnvironmentConnection connection = environments.connection(name).orElseThrow(() -> new NotFoundException(
                Response.status(404).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
                        .add("error", "not_found").add("message", "No environment named " + name)
                        .build().toString()).build()));
        PortainerStatus status = gateway.status(connection);
        List<Endpoint> endpoints = gateway.endpoints(connection);
        return new ConnectionCheck(status.version(), status.instanceId(), endpoints.size(),
                (int) endpoints.stream().filter(Endpoint::online).count());
    }
}
