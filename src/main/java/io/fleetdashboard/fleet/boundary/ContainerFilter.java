package io.fleetdashboard.fleet.boundary;

import jakarta.ws.rs.QueryParam;

public class ContainerFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("endpoint")
    String endpoint;
    @QueryParam("state")
    String state;
    @QueryParam("health")
    String health;
    @QueryParam("stack")
    String stack;
    @QueryParam("search")
    String search;
}
