package io.fleetdashboard.fleet.boundary;

import jakarta.ws.rs.QueryParam;

public class ImageFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("endpoint")
    String endpoint;
    @QueryParam("dangling")
    String dangling;
    @QueryParam("search")
    String search;
}
