package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.NetworkQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The Networks page's filters as query parameters; bad values answer 400 through {@link QueryParams}. */
public class NetworkFilter {
    @QueryParam("environment")
    @Parameter(description = "environment name")
    String environment;
    @QueryParam("endpoint")
    @Parameter(description = "endpoint key, environment:endpointId")
    String endpoint;
    @QueryParam("network")
    @Parameter(description = "network name, e.g. bridge or shop_default")
    String network;
    @QueryParam("stack")
    @Parameter(description = "compose project name")
    String stack;
    @QueryParam("search")
    @Parameter(description = "container name, network name or address (contains, case-insensitive)")
    String search;
    @QueryParam("includeStopped")
    @Parameter(description = "false keeps running containers only (default true)")
    String includeStopped;

    NetworkQuery query(Paging paging) {
        return new NetworkQuery(search, environment, endpoint, network, stack,
                QueryParams.booleanParam("includeStopped", includeStopped, true),
                paging.sort(NetworkQuery.Sort.class, NetworkQuery.Sort.ENDPOINT), paging.descending());
    }
}
