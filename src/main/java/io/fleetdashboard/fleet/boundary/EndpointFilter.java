package io.fleetdashboard.fleet.boundary;

import jakarta.ws.rs.QueryParam;

public class EndpointFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("status")
    String status;
    @QueryParam("search")
    String search;
}
