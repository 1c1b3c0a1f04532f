package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import jakarta.ws.rs.QueryParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
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
    @Parameter(description = "created, running, paused, restarting, removing, exited, dead or unknown; stopped: any "
            + "state but running")
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

    /**
     * The query that these parameters (named as in {@link #parameters}) select, checked as the API checks them.
     *
     * @throws io.fleetdashboard.api.boundary.BadRequestException naming the bad parameter
     */
    public static ContainerQuery query(Map<String, String> parameters) {
        ContainerFilter filter = new ContainerFilter();
        filter.search = parameters.get("search");
        filter.environment = parameters.get("environment");
        filter.endpoint = parameters.get("endpoint");
        filter.stack = parameters.get("stack");
        filter.state = parameters.get("state");
        filter.health = parameters.get("health");
        filter.includeStopped = parameters.get("includeStopped");
        Paging paging = new Paging();
        paging.sort = parameters.get("sort");
        paging.order = parameters.get("order");
        return filter.query(paging);
    }

    /**
     * The query parameters that select the same containers (and order) as the query, in this API's spelling: what
     * a page puts in its address and its CSV link, so a view can be bookmarked, shared and exported. Defaults are
     * left out; values are not yet URL-encoded.
     */
    static Map<String, String> parameters(ContainerQuery query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "search", query.search());
        put(parameters, "environment", query.environment());
        put(parameters, "endpoint", query.endpoint());
        put(parameters, "stack", query.stack());
        put(parameters, "state", query.stoppedOnly() ? ContainerQuery.STOPPED
                : query.state() == null ? null : query.state().name().toLowerCase(Locale.ROOT));
        put(parameters, "health", query.health() == null ? null : query.health().name().toLowerCase(Locale.ROOT));
        put(parameters, "includeStopped", query.includeStopped() ? null : "false");
        put(parameters, "sort", query.sort() == ContainerQuery.Sort.NAME ? null
                : query.sort().name().toLowerCase(Locale.ROOT));
        put(parameters, "order", query.descending() ? "desc" : null);
        return parameters;
    }

    /** The parameters as a query string ("?search=web&state=running"), URL-encoded; empty without any. */
    static String queryString(Map<String, String> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return query.toString();
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    ContainerQuery query(Paging paging) {
        return filter().withSort(paging.sort(ContainerQuery.Sort.class, ContainerQuery.Sort.NAME),
                paging.descending());
    }

    /** The filters alone, by name (for lists that sort by other fields). */
    ContainerQuery filter() {
        boolean stoppedOnly = state != null && ContainerQuery.STOPPED.equalsIgnoreCase(state.strip());
        return new ContainerQuery(search, environment, endpoint, stack,
                stoppedOnly ? null : QueryParams.enumParam("state", state, ContainerState.class, null),
                QueryParams.enumParam("health", health, ContainerHealth.class, null),
                QueryParams.booleanParam("includeStopped", includeStopped, true), ContainerQuery.Sort.NAME, false,
                stoppedOnly);
    }
}
