package io.fleetdashboard.api.boundary;

import io.fleetdashboard.environments.control.Environments;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** While the data is simulated (demo mode), every API answer says so, not only the summary's demo flag. */
@Provider
public class DemoDataHeader implements ContainerResponseFilter {

    public static final String HEADER = "X-Fleet-Data";

    @Inject
    Environments environments;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (environments.simulatedData()) {
            response.getHeaders().putSingle(HEADER, "simulated");
        }
    }
}
