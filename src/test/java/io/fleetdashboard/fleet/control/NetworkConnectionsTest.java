package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.fleet.entity.NetworkTopology;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Network;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkConnectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final NetworkConnections connections = new NetworkConnections();

    private static Container container(String id, String name, ContainerState state, String project,
                                       Map<String, String> addresses) {
        return new Container(id, name, "nginx:1", "sha256:" + id, state, state.name(), ContainerHealth.NONE, null,
                NOW, List.of(), project, null, addresses.keySet().stream().sorted().toList(), Map.of(), addresses);
    }

    private static EndpointHarvest endpoint(int id, List<Network> networks, Container... containers) {
        return new EndpointHarvest(agent(id, true), DataSource.LIVE, NOW, NOW, false, List.of(containers), List.of(),
                networks, null, 1);
    }

    private final FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 1, false, List.of(
            new EnvironmentHarvest("prod", "Production", false, List.of(
                    endpoint(1, List.of(new Network("n1", "shop_default", "bridge", "local"),
                                    new Network("n2", "bridge", "bridge", "local")),
                            container("aa", "shop-web-1", ContainerState.RUNNING, "shop",
                                    Map.of("shop_default", "172.18.0.10", "bridge", "172.17.0.2")),
                            container("bb", "shop-db-1", ContainerState.EXITED, "shop", Map.of("shop_default", "")),
                            container("cc", "<script>x</script>", ContainerState.RUNNING, null,
                                    Map.of("shop_default", "172.18.0.9"))),
                    endpoint(2, List.of(),
                            container("dd", "lonely", ContainerState.RUNNING, null, Map.of("bridge", "172.17.0.5")),
                            container("ee", "none", ContainerState.RUNNING, null, Map.of()))),
                    List.of(), null, null, NOW, NOW, 1)));

    @Test
    void everyAttachmentIsOneConnectionWithItsAddressAndDriver() {
        List<NetworkConnection> all = connections.all(snapshot);
        assertEquals(5, all.size(), "ee has no network");
        NetworkConnection web = all.stream().filter(c -> c.containerName().equals("shop-web-1")
                && c.network().equals("shop_default")).findFirst().orElseThrow();
        assertEquals("172.18.0.10", web.address());
        assertEquals("bridge", web.driver());
        assertEquals("prod:1/shop_default", web.networkKey());
        NetworkConnection lonely = all.stream().filter(c -> c.containerName().equals("lonely")).findFirst()
                .orElseThrow();
        assertEquals("", lonely.driver(), "endpoint 2's network list does not name it");
        assertSame(all, connections.all(snapshot), "derived once per snapshot");
    }

    @Test
    void filtersAndSortsLikeTheOtherTables() {
        NetworkQuery shopNetwork = new NetworkQuery(null, null, "prod:1", "shop_default", null, true,
                NetworkQuery.Sort.ADDRESS, false);
        assertEquals(List.of("<script>x</script>", "shop-web-1", "shop-db-1"), connections
                .matching(snapshot, shopNetwork).stream().map(NetworkConnection::containerName).toList(),
                "addresses in numeric order (.9 before .10), none last");
        NetworkQuery running = new NetworkQuery(null, null, null, null, "shop", false, null, false);
        assertEquals(2, connections.matching(snapshot, running).size(), "the stopped db is left out");
        NetworkQuery search = new NetworkQuery("172.17", null, null, null, null, true, null, false);
        assertEquals(2, connections.matching(snapshot, search).size());
        assertEquals(List.of("bridge", "shop_default"), connections.networkNames(snapshot, null));
        assertEquals(List.of("bridge"), connections.networkNames(snapshot, "prod:2"));
    }

    @Test
    void theTopologyHasANodePerNetworkPerEndpointAndPerContainer() {
        NetworkTopology graph = connections.topology(snapshot, NetworkQuery.ALL, 100);
        assertFalse(graph.overLimit());
        assertEquals(4, graph.containers());
        assertEquals(3, graph.networks(), "bridge on endpoint 1 and on endpoint 2 are two networks");
        assertEquals(7, graph.nodes().size());
        assertEquals(5, graph.edges().size());
        NetworkTopology.Node web = graph.nodes().stream().filter(n -> n.label().equals("shop-web-1")).findFirst()
                .orElseThrow();
        assertEquals("running", web.category());
        assertTrue(web.details().contains("shop_default: 172.18.0.10"), web.details().toString());
        assertTrue(web.details().contains("bridge: 172.17.0.2"), web.details().toString());
    }

    @Test
    void overTheNodeLimitTheGraphIsEmptyAndSaysWhy() {
        NetworkTopology graph = connections.topology(snapshot, NetworkQuery.ALL, 6);
        assertTrue(graph.overLimit());
        assertTrue(graph.nodes().isEmpty());
        assertEquals(4, graph.containers());
        assertEquals(3, graph.networks());
        assertEquals(6, graph.nodeLimit());
    }
}
