package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.StackQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The stack list's filters as query parameters; bad values answer 400 through {@link QueryParams}. */
public class StackFilter {
    @QueryParam("environment")
    @Parameter(description = "environment name")
    String environment;
    @QueryParam("endpoint")
    @Parameter(description = "endpoint key, environment:endpointId")
    String endpoint;
    @QueryParam("external")
    @Parameter(description = "true: compose projects Portainer does not manage; false: Portainer's stacks")
    String external;
    @QueryParam("status")
    @Parameter(description = "active or inactive")
    String status;
    @QueryParam("search")
    @Parameter(description = "stack name (contains, case-insensitive)")
    String search;

    private enum Status { ACTIVE, INACTIVE }

    /**
     * The query that these parameters (named as the API's, with sort and order) select, checked as the API checks
     * them.
     *
     * @throws io.fleetdashboard.api.boundary.BadRequestException naming the bad parameter
     */
    public static StackQuery query(java.util.Map<String, String> parameters) {
        StackFilter filter = new StackFilter();
        filter.search = parameters.get("search");
        filter.environment = parameters.get("environment");
        filter.endpoint = parameters.get("endpoint");
        filter.external = parameters.get("external");
        filter.status = parameters.get("status");
        return filter.query(Paging.of(parameters));
    }

    StackQuery query(Paging paging) {
        Status wanted = QueryParams.enumParam("status", status, Status.class, null);
        return new StackQuery(search, environment, endpoint, QueryParams.booleanParam("external", external, null),
                wanted == null ? null : wanted == Status.ACTIVE,
                paging.sort(StackQuery.Sort.class, StackQuery.Sort.NAME), paging.descending());
    }
}
