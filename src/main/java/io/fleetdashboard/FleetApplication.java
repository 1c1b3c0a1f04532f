package io.fleetdashboard;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JSON API lives under /api; pages are Faces views, the simulator's control API is a servlet. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Fleet Dashboard API", version = "1",
        description = "One view of a Docker fleet managed by one or more Portainer servers."))
public class FleetApplication extends Application {
}
