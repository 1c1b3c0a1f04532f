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

    EndpointQuery query(Paging paging) {
        Status wanted = QueryParams.enumParam("status", status, Status.class, null);
        return new EndpointQuery(search, environment, wanted == null ? null : wanted == Status.ONLINE,
                QueryParams.enumParam("kind", kind, EndpointQuery.Kind.class, null),
                QueryParams.enumParam("dataSource", dataSource, DataSource.class, null),
                paging.sort(EndpointQuery.Sort.class, EndpointQuery.Sort.ENVIRONMENT), paging.descending());
    }
}
