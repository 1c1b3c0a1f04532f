package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The container list's filters as query parameters; bad values answer 400 through {@link QueryParams}. */
public class ContainerFilter {
    @QueryParam("environment")
    @Parameter(description = "environment name")
    String environment;
    @QueryParam("endpoint")
    @Parameter(description = "endpoint key, environment:endpointId")
    String endpoint;
    @QueryParam("state")
    @Parameter(description = "created, running, paused, restarting, removing, exited, dead or unknown")
    String state;
    @QueryParam("health")
    @Parameter(description = "healthy, unhealthy, starting or none")
    String health;
    @QueryParam("stack")
    @Parameter(description = "compose project name")
    String stack;
    @QueryParam("search")
    @Parameter(description = "name or image (contains), id prefix, or a label as key=value; case-insensitive")
    String search;
    @QueryParam("includeStopped")
    @Parameter(description = "false lists running containers only (default true)")
    String includeStopped;

    ContainerQuery query(Paging paging) {
        return filter().withSort(paging.sort(ContainerQuery.Sort.class, ContainerQuery.Sort.NAME),
                paging.descending());
    }

    /** The filters alone, by name (for lists that sort by other fields). */
    ContainerQuery filter() {
        return new ContainerQuery(search, environment, endpoint, stack,
                QueryParams.enumParam("state", state, ContainerState.class, null),
                QueryParams.enumParam("health", health, ContainerHealth.class, null),
                QueryParams.booleanParam("includeStopped", includeStopped, true), ContainerQuery.Sort.NAME, false);
    }
}
