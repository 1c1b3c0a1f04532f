package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DashboardResource {

    @Inject
    Snapshots snapshots;

    @Inject
    FleetLists lists;

    @GET
    @Path("summary")
    @Operation(summary = "Headline numbers of the fleet and the freshness of the snapshot they come from")
    public Views.Summary summary() {
        FleetSnapshot snapshot = snapshots.current();
        return Views.Summary.of(snapshot.counts(), snapshots.status(snapshot));
    }

    @GET
    @Path("overview")
    @Operation(summary = "Summary, environments and the first page of endpoints, containers and stacks in one call")
    public Views.Overview overview(@BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return new Views.Overview(Views.Summary.of(snapshot.counts(), snapshots.status(snapshot)),
                snapshot.environments().stream().map(Views.Environment::of).toList(),
                lists.endpoints(snapshot, new EndpointFilter(), paging),
                lists.containers(snapshot, new ContainerFilter(), paging),
                lists.stacks(snapshot, new StackFilter(), paging));
    }
}
