package io.fleetdashboard.fleet.boundary;

import jakarta.ws.rs.QueryParam;

public class StackFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("endpoint")
    String endpoint;
    @QueryParam("search")
    String search;
}
