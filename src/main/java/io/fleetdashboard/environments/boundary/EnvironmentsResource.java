package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.portainer.control.PortainerGateway;
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

    /** Asks the server for its version: proves URL, key and TLS settings. Failures: JSON {"error","message"}. */
    @GET
    @Path("{name}/status")
    public PortainerStatus status(@PathParam("name") String name) {
        return gateway.status(environments.connection(name).orElseThrow(() -> new NotFoundException(
                Response.status(404).type(MediaType.APPLICATION_JSON).entity(Json.createObjectBuilder()
                        .add("error", "not_found").add("message", "No environment named " + name)
                        .build().toString()).build())));
    }
}
