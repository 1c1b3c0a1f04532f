package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.enterprise.context.RequestScoped;
import io.fleetdashboard.insights.control.StackImageChecks;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("v1/dashboard")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class DashboardResource {

    @Inject
    StackImageChecks imageChecks;

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @GET
    @Path("summary")
    @Operation(summary = "Headline numbers of the fleet and the freshness of the snapshot they come from")
    public FleetJson.Summary summary() {
        FleetSnapshot snapshot = snapshots.current();
        return FleetJson.Summary.of(snapshot, snapshots.status(snapshot));
    }

    @GET
    @Path("summary.csv")
    @Produces("text/csv")
    @Operation(summary = "The summary as CSV (Metric, Value), as the Home page's download offers it")
    public Response summaryCsv() {
        FleetSnapshot snapshot = snapshots.current();
        var c = snapshot.counts();
        var status = snapshots.status(snapshot);
        var f = snapshot.freshness();
        var attention = snapshot.attentionCounts();
        CsvTable csv = new CsvTable("Metric", "Value");
        Object[][] rows = {{"Snapshot taken at", snapshot.takenAt()},
                {"Data as of", f.dataAsOf() == null ? "never read" : f.dataAsOf()},
                {"Age of data (s)", status.ageSeconds()}, {"Stale", status.stale()}, {"Degraded", status.degraded()},
                {"Environments failed", f.environmentsFailed()}, {"Endpoints failed", f.endpointsFailed()},
                {"Endpoints pending", f.endpointsPending()},
                {"Endpoints from Portainer snapshots", f.endpointsFromPortainerSnapshot()},
                {"Simulated data", snapshot.demo()},
                {"Environments", c.environments()}, {"Endpoints", c.endpointsTotal()},
                {"Endpoints online", c.endpointsOnline()}, {"Endpoints offline", c.endpointsOffline()},
                {"Endpoints with stale data", c.endpointsStale()}, {"Containers", c.containersTotal()},
                {"Containers running", c.containersRunning()}, {"Containers stopped", c.containersStopped()},
                {"Containers healthy", c.containersHealthy()}, {"Containers unhealthy", c.containersUnhealthy()},
                {"Containers restarting", c.containersRestarting()},
                {"Containers from Portainer snapshots (async edge)", c.containersFromPortainerSnapshot()},
                {"Stacks managed by Portainer", c.stacksPortainer()},
                {"Compose projects not managed by Portainer", c.composeProjectsUnmanaged()},
                {"Images (distinct ids)", c.imagesDistinct()}, {"Images dangling (distinct ids)", c.imagesDangling()},
                {"Images size (bytes, each distinct image once)", c.imagesDistinctSizeBytes()},
                {"Image copies on endpoints", c.images()},
                {"Containers crash-looping", attention.getOrDefault(Attention.Kind.CRASH_LOOP, 0)},
                {"Crash loops with a restart count from inspect", snapshot.crashLoopInspections().size()},
                {"Containers exited with an error", attention.getOrDefault(Attention.Kind.EXITED_NON_ZERO, 0)},
                {"Containers killed for running out of memory", attention.getOrDefault(Attention.Kind.OOM_KILLED, 0)}};
        for (Object[] row : rows) {
            csv.row(row);
        }
        return csv.download(CsvTable.fileName("dashboard_summary", snapshot.takenAt()));
    }

    @GET
    @Path("attention")
    @Operation(summary = "What needs attention, worst first: a few items per kind and the count of every kind")
    public FleetJson.AttentionList attention() {
        return FleetJson.AttentionList.of(snapshots.current());
    }

    @GET
    @Path("overview")
    @Operation(summary = "Summary, environments and the first page of endpoints, containers and stacks in one call")
    public FleetJson.Overview overview(@BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return new FleetJson.Overview(FleetJson.Summary.of(snapshot, snapshots.status(snapshot)),
                snapshot.environments().stream().map(FleetJson.Environment::of).toList(),
                queries.endpoints(snapshot, new EndpointFilter().query(paging), paging.offset(), paging.limit())
                        .map(FleetJson.Endpoint::of),
                queries.containers(snapshot, new ContainerFilter().query(paging), paging.offset(), paging.limit())
                        .map(c -> FleetJson.ContainerRow.of(c, snapshot.inspections())),
                queries.stacks(snapshot, new StackFilter().query(paging), paging.offset(), paging.limit())
                        .map(s -> FleetJson.StackRow.of(s, queries.stackImages(snapshot, s),
                                imageChecks.check(s.key()).orElse(null))));
    }
}
