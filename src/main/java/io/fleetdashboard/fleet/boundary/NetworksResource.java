package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.CsvTable;
import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.NetworkConnections;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.fleet.entity.NetworkTopology;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The JSON twin of the Networks page: the container-to-network connections (table and CSV) and the topology graph,
 * with the same filters. Reads the snapshot only.
 */
@Path("v1/networks")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class NetworksResource {

    static final String[] CSV_HEADER = {"Environment", "Endpoint", "Network", "Driver", "Container", "State",
        "Stack", "IP address", "Container key"};

    @Inject
    Snapshots snapshots;

    @Inject
    NetworkConnections connections;

    /** A connections table row, as the API spells it (states in lower case). */
    public record ConnectionRow(String environment, String endpoint, String endpointName, String network,
                                String driver, String container, String containerName, String state, String stack,
                                String address) {

        static ConnectionRow of(NetworkConnection c) {
            return new ConnectionRow(c.environment(), c.endpointKey(), c.endpointName(), c.network(), c.driver(),
                    c.containerKey(), c.containerName(), state(c), c.stack(), c.address());
        }

        static Object[] csv(NetworkConnection c) {
            return new Object[] {c.environment(), c.endpointName(), c.network(), c.driver(), c.containerName(),
                state(c), c.stack(), c.address(), c.containerKey()};
        }

        private static String state(NetworkConnection c) {
            return c.state() == null ? "unknown" : c.state().name().toLowerCase(Locale.ROOT);
        }
    }

    /** The graph with the age of the snapshot it was drawn from. */
    public record TopologyAnswer(Instant takenAt, long ageSeconds, boolean stale, NetworkTopology topology) {
    }

    @GET
    @Path("connections")
    @Operation(summary = "Containers attached to networks, one row per attachment with the container's address; "
            + "filters: environment, endpoint (key), network, stack, includeStopped, search; sort: endpoint, network, "
            + "driver, container, state, address")
    public Page<ConnectionRow> connections(@BeanParam NetworkFilter filter, @BeanParam Paging paging) {
        return connections.page(snapshots.current(), filter.query(paging), paging.offset(), paging.limit())
                .map(ConnectionRow::of);
    }

    @GET
    @Path("connections.csv")
    @Produces("text/csv")
    @Operation(summary = "Every connection matching the filters of /api/v1/networks/connections as CSV, streamed")
    public Response connectionsCsv(@BeanParam NetworkFilter filter, @BeanParam Paging paging) {
        FleetSnapshot snapshot = snapshots.current();
        return CsvTable.stream(CsvTable.fileName("network-connections", snapshot.takenAt()), CSV_HEADER,
                connections.matching(snapshot, filter.query(paging)), ConnectionRow::csv);
    }

    @GET
    @Path("topology")
    @Operation(summary = "The graph of containers and networks (one network node per endpoint) for the filters; "
            + "over the node limit the graph is empty and overLimit says so, with the counts")
    public TopologyAnswer topology(@BeanParam NetworkFilter filter, @BeanParam Paging paging,
                                   @QueryParam("nodes") @Parameter(description = "node limit, 1-"
                                           + NetworkConnections.MAX_NODE_LIMIT + ", default "
                                           + NetworkConnections.DEFAULT_NODE_LIMIT) String nodes) {
        int limit = QueryParams.intParam("nodes", nodes, NetworkConnections.DEFAULT_NODE_LIMIT, 1,
                NetworkConnections.MAX_NODE_LIMIT);
        FleetSnapshot snapshot = snapshots.current();
        SnapshotStatus status = snapshots.status(snapshot);
        return new TopologyAnswer(snapshot.takenAt(), status.ageSeconds(), status.stale(),
                connections.topology(snapshot, filter.query(paging), limit));
    }
}
