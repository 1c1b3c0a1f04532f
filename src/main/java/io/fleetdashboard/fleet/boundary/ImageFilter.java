package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.ImageQuery;
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

    ImageQuery query(Paging paging) {
        return new ImageQuery(search, environment, endpoint, QueryParams.booleanParam("dangling", dangling, null),
                paging.sort(ImageQuery.Sort.class, ImageQuery.Sort.SIZE), paging.descending());
    }
}
