package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.EndpointQuery;
import io.fleetdashboard.fleet.entity.DataSource;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The endpoint list's filters as query parameters; bad values answer 400 through {@link QueryParams}. */
public class EndpointFilter {
    @QueryParam("environment")
    @Parameter(description = "environment name")
    String environment;
    @QueryParam("status")
    @Parameter(description = "online or offline (edge agents by heartbeat)")
    String status;
    @QueryParam("kind")
    @Parameter(description = "edge, agent, docker or other")
    String kind;
    @QueryParam("dataSource")
    @Parameter(description = "live, portainer_snapshot, previous or none")
    String dataSource;
    @QueryParam("search")
    @Parameter(description = "name, URL, agent version, group, a tag, or the host's operating system or platform (contains, case-insensitive)")
    String search;

    private enum Status { ONLINE, OFFLINE }

    /**
     * The query that these parameters (named as the API's, with sort and order) select, checked as the API checks
     * them (for callers without a request, such as the assistant's tools).
     *
     * @throws io.fleetdashboard.api.boundary.BadRequestException naming the bad parameter
     */
    public static EndpointQuery query(java.util.Map<String, String> parameters) {
        EndpointFilter filter = new EndpointFilter();
        filter.search = parameters.get("search");
        filter.environment = parameters.get("environment");
        filter.status = parameters.get("status");
        filter.kind = parameters.get("kind");
        filter.dataSource = parameters.get("dataSource");
        return filter.query(Paging.of(parameters));
    }

    EndpointQuery query(Paging paging) {
        Status wanted = QueryParams.enumParam("status", status, Status.class, null);
        return new EndpointQuery(search, environment, wanted == null ? null : wanted == Status.ONLINE,
                QueryParams.enumParam("kind", kind, EndpointQuery.Kind.class, null),
                QueryParams.enumParam("dataSource", dataSource, DataSource.class, null),
                paging.sort(EndpointQuery.Sort.class, EndpointQuery.Sort.ENVIRONMENT), paging.descending());
    }
}
