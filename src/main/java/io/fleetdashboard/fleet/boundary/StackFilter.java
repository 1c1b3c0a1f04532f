package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.StackQuery;
import jakarta.ws.rs.QueryParam;

public class StackFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("endpoint")
    String endpoint;
    @QueryParam("search")
    String search;

    StackQuery query(Paging paging) {
        return new StackQuery(search, environment, endpoint, paging.sort(StackQuery.Sort.class, StackQuery.Sort.NAME),
                paging.descending());
    }
}
