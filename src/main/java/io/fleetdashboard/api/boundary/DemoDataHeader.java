package io.fleetdashboard.api.boundary;

import io.fleetdashboard.environments.control.DemoMode;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** In demo mode every API answer says its data is simulated, not only the summary's demo flag. */
@Provider
public class DemoDataHeader implements ContainerResponseFilter {

    public static final String HEADER = "X-Fleet-Data";

    @Inject
    DemoMode demoMode;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (demoMode.active()) {
            response.getHeaders().putSingle(HEADER, "simulated");
        }
    }
}
