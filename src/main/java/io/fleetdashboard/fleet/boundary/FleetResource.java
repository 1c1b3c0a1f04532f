package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The lists of the fleet snapshot: filtered, sorted, paged (limit 1-1000, offset), each with its total. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FleetResource {

    @Inject
    Snapshots snapshots;

    @Inject
    FleetLists lists;

    @GET
    @Path("endpoints")
    @Operation(summary = "Endpoints; filters: environment, status (online|offline), search")
    public Page<Views.Endpoint> endpoints(@BeanParam EndpointFilter filter, @BeanParam Paging paging) {
        return lists.endpoints(snapshots.current(), filter, paging);
    }

    @GET
    @Path("containers")
    @Operation(summary = "Containers; filters: environment, endpoint (key), state, health, stack, search")
    public Page<Views.ContainerRow> containers(@BeanParam ContainerFilter filter, @BeanParam Paging paging) {
        return lists.containers(snapshots.current(), filter, paging);
    }

    @GET
    @Path("stacks")
    @Operation(summary = "Stacks, Portainer-managed and external compose projects; filters: environment, endpoint, search")
    public Page<Views.StackRow> stacks(@BeanParam StackFilter filter, @BeanParam Paging paging) {
        return lists.stacks(snapshots.current(), filter, paging);
    }

    @GET
    @Path("images")
    @Operation(summary = "Images per endpoint; filters: environment, endpoint, dangling, search")
    public Page<Views.ImageRow> images(@BeanParam ImageFilter filter, @BeanParam Paging paging) {
        return lists.images(snapshots.current(), filter, paging);
    }
}
