package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.HealthQuery;
import io.fleetdashboard.fleet.entity.ContainerTrouble;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The Container health list's filters: the container filters plus trouble; bad values answer 400 through
 * {@link QueryParams}. The page reads the same parameters from its URL.
 */
public class HealthFilter extends ContainerFilter {

    static final String TROUBLE_VALUES = "any, crash_loop, exited_with_error or oom_killed";

    @QueryParam("trouble")
    @Parameter(description = "any (some trouble, or an unhealthy health check), crash_loop, exited_with_error or "
            + "oom_killed (OOM kills are known once inspected)")
    String trouble;

    HealthQuery healthQuery(Paging paging) {
        return query(filter(), trouble, paging.sort(HealthQuery.Sort.class, HealthQuery.Sort.WORST),
                paging.descending());
    }

    /** The health query of these container filters and a trouble parameter ("any" or a kind; blank: none). */
    static HealthQuery query(io.fleetdashboard.fleet.control.ContainerQuery containers, String trouble,
                             HealthQuery.Sort sort, boolean descending) {
        boolean any = trouble != null && trouble.strip().equalsIgnoreCase("any");
        ContainerTrouble kind = any ? null : QueryParams.enumParam("trouble", trouble, ContainerTrouble.class, null);
        return new HealthQuery(containers, kind, any, sort, descending);
    }
}
