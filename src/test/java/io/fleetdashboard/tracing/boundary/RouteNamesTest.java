package io.fleetdashboard.tracing.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

class RouteNamesTest {

    @Path("v1/containers/")
    static class Resource {
        @GET
        @Path("{key}/logs")
        public String logs() {
            return "";
        }

        @GET
        public String list() {
            return "";
        }
    }

    @Test
    void aResourceMethodsTemplateJoinsTheApplicationClassAndMethodPaths() throws Exception {
        assertEquals("/api/v1/containers/{key}/logs",
                RouteNames.template("/api", Resource.class, Resource.class.getMethod("logs")));
        assertEquals("/api/v1/containers", RouteNames.template("api/", Resource.class, Resource.class.getMethod("list")));
        assertEquals("/", RouteNames.template("/", null, null));
    }
}
