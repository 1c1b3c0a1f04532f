package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Page;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The lists of the fleet snapshot: filtered, sorted, paged (limit 1-1000, offset), each with its total. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FleetResource {

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @GET
    @Path("endpoints")
    @Operation(summary = "Endpoints; filters: environment, status (online|offline), search")
    public Page<Views.Endpoint> endpoints(@BeanParam EndpointFilter filter, @BeanParam Paging paging) {
        return queries.endpoints(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(Views.Endpoint::of);
    }

    @GET
    @Path("containers")
    @Operation(summary = "Containers, as the Workloads page lists them; filters: environment, endpoint (key), "
            + "stack, state, health, includeStopped, search (name, image, id prefix, label key=value)")
    public Page<Views.ContainerRow> containers(@BeanParam ContainerFilter filter, @BeanParam Paging paging) {
        return queries.containers(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(Views.ContainerRow::of);
    }

    @GET
    @Path("containers.csv")
    @Produces("text/csv")
    @Operation(summary = "Every container matching the filters of /api/v1/containers (all pages, in its sort order) "
            + "as CSV, streamed; cells that a spreadsheet would read as formulas are neutralised")
    public Response containersCsv(@BeanParam ContainerFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("containers", snapshot.takenAt()), Views.ContainerRow.CSV_HEADER,
                queries.containers(snapshot, filter.query(paging)), Views.ContainerRow::csv);
    }

    @GET
    @Path("stacks")
    @Operation(summary = "Stacks, Portainer-managed and external compose projects; filters: environment, endpoint, search")
    public Page<Views.StackRow> stacks(@BeanParam StackFilter filter, @BeanParam Paging paging) {
        return queries.stacks(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(Views.StackRow::of);
    }

    @GET
    @Path("images")
    @Operation(summary = "Images per endpoint; filters: environment, endpoint, dangling, search")
    public Page<Views.ImageRow> images(@BeanParam ImageFilter filter, @BeanParam Paging paging) {
        return queries.images(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(Views.ImageRow::of);
    }
}
