package io.fleetdashboard.portainer.boundary;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.Circuit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The circuit breaker of every active environment, as it stands now: the API twin of Home's "Circuit" column. */
@Path("v1/circuits")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class CircuitsResource {

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @GET
    @Operation(summary = "The circuit breaker of each active environment now: closed, open (with the time of the next"
            + " try) or half_open")
    public List<Circuit> circuits() {
        return environments.active().stream().map(EnvironmentConnection::name).map(gateway::circuit).toList();
    }
}
