package io.fleetdashboard.environments.boundary;

import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The configured Portainer servers, without their keys. */
@Path("v1/environments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnvironmentsResource {

    @Inject
    Environments environments;

    @GET
    public List<EnvironmentSummary> list() {
        return environments.summaries();
    }
}
