package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Page;
import jakarta.enterprise.context.RequestScoped;
import io.fleetdashboard.insights.control.StackImageChecks;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The lists of the fleet snapshot: filtered, sorted, paged (limit 1-1000, offset), each with its total. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class FleetResource {

    @Inject
    StackImageChecks imageChecks;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @GET
    @Path("endpoints")
    @Operation(summary = "Endpoints; filters: environment, status (online|offline), search")
    public Page<FleetJson.Endpoint> endpoints(@BeanParam EndpointFilter filter, @BeanParam Paging paging) {
        return queries.endpoints(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(FleetJson.Endpoint::of);
    }

    @GET
    @Path("containers")
    @Operation(summary = "Containers, as the Workloads page lists them; filters: environment, endpoint (key), "
            + "stack, state, health, includeStopped, search (name, image, id prefix, label key=value)")
    public Page<FleetJson.ContainerRow> containers(@BeanParam ContainerFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return queries.containers(snapshot, filter.query(paging), paging.offset(), paging.limit())
                .map(c -> FleetJson.ContainerRow.of(c, snapshot.inspections()));
    }

    @GET
    @Path("containers.csv")
    @Produces("text/csv")
    @Operation(summary = "Every container matching the filters of /api/v1/containers (all pages, in its sort order) "
            + "as CSV, streamed; cells that a spreadsheet would read as formulas are neutralised")
    public Response containersCsv(@BeanParam ContainerFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("containers", snapshot.takenAt()), FleetJson.ContainerRow.CSV_HEADER,
                queries.containers(snapshot, filter.query(paging)), c -> FleetJson.ContainerRow.csv(c, snapshot.inspections()));
    }

    @GET
    @Path("endpoints.csv")
    @Produces("text/csv")
    @Operation(summary = "Every endpoint matching the filters of /api/v1/endpoints (all pages, in its sort order) as CSV")
    public Response endpointsCsv(@BeanParam EndpointFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("endpoints", snapshot.takenAt()), FleetJson.Endpoint.CSV_HEADER,
                queries.endpoints(snapshot, filter.query(paging)), FleetJson.Endpoint::csv);
    }

    @GET
    @Path("stacks")
    @Operation(summary = "Stacks, Portainer-managed and external compose projects (external=true), with their "
            + "containers' images; filters: environment, endpoint (key), external, status (active|inactive), search")
    public Page<FleetJson.StackRow> stacks(@BeanParam StackFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return queries.stacks(snapshot, filter.query(paging), paging.offset(), paging.limit())
                .map(s -> FleetJson.StackRow.of(s, queries.stackImages(snapshot, s),
                        imageChecks.check(s.key()).orElse(null)));
    }

    @GET
    @Path("stacks.csv")
    @Produces("text/csv")
    @Operation(summary = "Every stack matching the filters of /api/v1/stacks (all pages, in its sort order) as CSV")
    public Response stacksCsv(@BeanParam StackFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("stacks", snapshot.takenAt()), FleetJson.StackRow.CSV_HEADER,
                queries.stacks(snapshot, filter.query(paging)),
                s -> FleetJson.StackRow.csv(s, queries.stackImages(snapshot, s),
                        imageChecks.check(s.key()).orElse(null)));
    }

    @GET
    @Path("images")
    @Operation(summary = "Image copies, one per endpoint; filters: environment, endpoint, dangling, search")
    public Page<FleetJson.ImageRow> images(@BeanParam ImageFilter filter, @BeanParam Paging paging) {
        return queries.images(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(FleetJson.ImageRow::of);
    }

    @GET
    @Path("images/distinct")
    @Operation(summary = "Images, one row per image id, as the Images page lists them: tags, size, created, the "
            + "endpoints storing it and the containers using it (running/total); filters: environment, endpoint "
            + "(both scope the counts), dangling, unused, search; sort: containers (default, most first), running, "
            + "endpoints, size, created, name")
    public Page<FleetJson.ImageUsageRow> distinctImages(@BeanParam ImageUsageFilter filter, @BeanParam Paging paging) {
        return queries.imageUsage(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(FleetJson.ImageUsageRow::of);
    }

    @GET
    @Path("images/distinct.csv")
    @Produces("text/csv")
    @Operation(summary = "Every image matching the filters of /api/v1/images/distinct (all pages) as CSV")
    public Response distinctImagesCsv(@BeanParam ImageUsageFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("images", snapshot.takenAt()), FleetJson.ImageUsageRow.CSV_HEADER,
                queries.imageUsage(snapshot, filter.query(paging)), FleetJson.ImageUsageRow::csv);
    }

    @GET
    @Path("images/unused")
    @Operation(summary = "Per endpoint storing images: how many no container there uses (any state) and the bytes "
            + "removing them would reclaim, most first; filter: environment")
    public java.util.List<FleetJson.UnusedImagesRow> unusedImages(@QueryParam("environment") String environment) {
        return queries.unusedImages(snapshots.current(), environment).stream().map(FleetJson.UnusedImagesRow::of)
                .toList();
    }
}
