package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The Container health page's JSON twin: its table with the same filters, the CSV of it, the distribution. */
@Path("v1/container-health")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class ContainerHealthResource {

    @Inject
    Snapshots snapshots;

    @Inject
    FleetQueries queries;

    @GET
    @Path("containers")
    @Operation(summary = "Containers by health, worst first (unhealthy, crash-looping, exited with an error, "
            + "OOM-killed, starting, healthy, no health check); filters: those of /api/v1/containers and trouble ("
            + HealthFilter.TROUBLE_VALUES + "); sort: worst, restarts, name, environment, endpoint, state, status, "
            + "health")
    public Page<HealthRow> containers(@BeanParam HealthFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return queries.containerHealth(snapshot, filter.healthQuery(paging), paging.offset(), paging.limit())
                .map(c -> HealthRow.of(c, snapshot.inspections()));
    }

    @GET
    @Path("containers.csv")
    @Produces("text/csv")
    @Operation(summary = "Every container matching the filters of /api/v1/container-health/containers (all pages, "
            + "in its order) as CSV, streamed, with the restart counts from inspect")
    public Response containersCsv(@BeanParam HealthFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("container_health", snapshot.takenAt()), HealthRow.CSV_HEADER,
                queries.containerHealth(snapshot, filter.healthQuery(paging)),
                c -> HealthRow.of(c, snapshot.inspections()).csv());
    }

    @GET
    @Path("distribution")
    @Operation(summary = "Running containers by the state of their health check (none: no health check), from "
            + "the snapshot taken at takenAt")
    public Distribution distribution() {
        FleetSnapshot snapshot = snapshots.current();
        Map<ContainerHealth, Integer> health = queries.healthOfRunning(snapshot);
        return new Distribution(snapshot.takenAt(), snapshot.counts().containersRunning(),
                health.get(ContainerHealth.HEALTHY), health.get(ContainerHealth.UNHEALTHY),
                health.get(ContainerHealth.STARTING), health.get(ContainerHealth.NONE));
    }

    /** Running containers (runningContainers in all) by health check state; noHealthcheck has none. */
    public record Distribution(Instant takenAt, int runningContainers, int healthy, int unhealthy, int starting,
                               int noHealthcheck) {
    }
}
