package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.EndpointQuery;
import jakarta.ws.rs.QueryParam;

public class EndpointFilter {
    @QueryParam("environment")
    String environment;
    @QueryParam("status")
    String status;
    @QueryParam("search")
    String search;

    private enum Status { ONLINE, OFFLINE }

    EndpointQuery query(Paging paging) {
        Status wanted = QueryParams.enumParam("status", status, Status.class, null);
        return new EndpointQuery(search, environment, wanted == null ? null : wanted == Status.ONLINE,
                paging.sort(EndpointQuery.Sort.class, EndpointQuery.Sort.ENVIRONMENT), paging.descending());
    }
}
