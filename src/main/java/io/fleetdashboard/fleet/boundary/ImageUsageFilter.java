package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.ImageUsageQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The distinct-image list's filters as query parameters; bad values answer 400 through {@link QueryParams}. */
public class ImageUsageFilter {
    @QueryParam("environment")
    @Parameter(description = "environment name: copies and containers are counted there only")
    String environment;
    @QueryParam("endpoint")
    @Parameter(description = "endpoint key, environment:endpointId: copies and containers are counted there only")
    String endpoint;
    @QueryParam("dangling")
    @Parameter(description = "true: only images without a tag; false: only tagged ones")
    String dangling;
    @QueryParam("unused")
    @Parameter(description = "true: only images no container uses; false: only images in use")
    String unused;
    @QueryParam("search")
    @Parameter(description = "a tag or the id (contains, case-insensitive)")
    String search;

    /**
     * The query that these parameters (named as the API's, with sort and order) select, checked as the API checks
     * them.
     *
     * @throws io.fleetdashboard.api.boundary.BadRequestException naming the bad parameter
     */
    public static ImageUsageQuery query(java.util.Map<String, String> parameters) {
        ImageUsageFilter filter = new ImageUsageFilter();
        filter.search = parameters.get("search");
        filter.environment = parameters.get("environment");
        filter.endpoint = parameters.get("endpoint");
        filter.dangling = parameters.get("dangling");
        filter.unused = parameters.get("unused");
        return filter.query(Paging.of(parameters));
    }

    ImageUsageQuery query(Paging paging) {
        return new ImageUsageQuery(search, environment, endpoint, QueryParams.booleanParam("dangling", dangling, null),
                QueryParams.booleanParam("unused", unused, null),
                paging.sort(ImageUsageQuery.Sort.class, ImageUsageQuery.Sort.CONTAINERS),
                paging.descending(true));
    }
}
