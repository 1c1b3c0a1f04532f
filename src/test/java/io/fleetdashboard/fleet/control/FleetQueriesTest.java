package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EndpointStates;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.fleet.entity.Page;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetQueriesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
    private final FleetQueries queries = new FleetQueries();

    private static Container container(String id, String name, String image, ContainerState state, String status,
                                       String project, Map<String, String> labels, Instant created) {
        return new Container(id, name, image, "sha256:" + id, state, status, ContainerHealth.fromStatus(status), null,
                created, List.of(), project, project == null ? null : "web", List.of("bridge"), labels);
    }

    private static EndpointHarvest endpoint(int id, Container... containers) {
        return new EndpointHarvest(agent(id, true), DataSource.LIVE, NOW, NOW, false, List.of(containers), List.of(),
                List.of(), null, 1);
    }

    private final FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 1, false, List.of(
            new EnvironmentHarvest("prod", "Production", false, List.of(
                    endpoint(1,
                            container("aa11", "shop-web-1", "nginx:1.27", ContainerState.RUNNING,
                                    "Up 3 days (healthy)", "shop", Map.of("tier", "Front", "team", "web"),
                                    NOW.minusSeconds(300)),
                            container("bb22", "shop-db-1", "postgres:16", ContainerState.EXITED,
                                    "Exited (1) 5 minutes ago", "shop", Map.of("tier", "back"),
                                    NOW.minusSeconds(100))),
                    endpoint(2,
                            container("cc33", "Worker", "busybox:1", ContainerState.RESTARTING,
                                    "Restarting (1) 3 seconds ago", null, Map.of(), NOW.minusSeconds(200)),
                            container("dd44", "cache", "redis:7", ContainerState.RUNNING, "Up 1 hour (unhealthy)",
                                    null, Map.of(), null))),
                    List.of(), null, null, NOW, NOW, 1),
            new EnvironmentHarvest("edge", "Edge", false, List.of(
                    endpoint(1, container("ee55", "shop-web-1", "nginx:1.26", ContainerState.RUNNING, "Up 2 hours",
                            "shop", Map.of(), NOW.minusSeconds(50)))),
                    List.of(), null, null, NOW, NOW, 1)));

    private List<String> keys(ContainerQuery query) {
        return queries.containers(snapshot, query).stream().map(FleetContainer::key).toList();
    }

    private static ContainerQuery search(String text) {
        return new ContainerQuery(text, null, null, null, null, null, true, null, false);
    }

    @Test
    void theSearchBoxMatchesNameImageIdPrefixAndLabels() {
        assertEquals(List.of("prod:2:cc33"), keys(search("WORK")), "name, case-insensitive");
        assertEquals(List.of("prod:1:bb22"), keys(search("postgres")), "image");
        assertEquals(List.of("prod:2:dd44"), keys(search("DD4")), "id prefix");
        assertEquals(List.of(), keys(search("d44")), "the id only by its prefix");
        assertEquals(List.of("prod:1:aa11"), keys(search("tier=front")), "label key=value, value case-insensitive");
        assertEquals(List.of("prod:1:bb22", "prod:1:aa11"), keys(search(" tier= ")), "key= : the label is present");
        assertEquals(List.of(), keys(search("TIER=front")), "label keys are exact");
        assertEquals(5, keys(search("  ")).size(), "a blank search matches everything");
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of("prod:1:bb22", "prod:1:aa11"),
                keys(new ContainerQuery(null, "prod", "prod:1", null, null, null, true, null, false)));
        assertEquals(List.of("edge:1:ee55", "prod:1:aa11"),
                keys(new ContainerQuery(null, null, null, "shop", ContainerState.RUNNING, null, true, null, false)));
        assertEquals(List.of("prod:2:dd44"),
                keys(new ContainerQuery(null, null, null, null, null, ContainerHealth.UNHEALTHY, true, null, false)));
        assertEquals(List.of("prod:2:dd44", "edge:1:ee55", "prod:1:aa11"),
                keys(new ContainerQuery(null, null, null, null, null, null, false, null, false)),
                "without stopped: running only");
        assertEquals(List.of(), keys(new ContainerQuery(null, null, null, null, ContainerState.EXITED, null, false,
                null, false)), "exited but not stopped: nothing");
        assertEquals(List.of(), keys(new ContainerQuery(null, "nowhere", null, null, null, null, true, null, false)));
        assertEquals(List.of("prod:1:bb22", "prod:2:cc33"),
                keys(new ContainerQuery(null, null, null, null, null, null, true, null, false, true)),
                "stopped only: every state but running, as the Home page counts them");
    }

    @Test
    void sortsAreStableAndReversible() {
        assertEquals(List.of("prod:2:dd44", "prod:1:bb22", "edge:1:ee55", "prod:1:aa11", "prod:2:cc33"),
                keys(ContainerQuery.ALL), "by name; same names by key");
        assertEquals(List.of("prod:2:cc33", "prod:1:aa11", "edge:1:ee55", "prod:1:bb22", "prod:2:dd44"),
                keys(ContainerQuery.ALL.withSort(ContainerQuery.Sort.NAME, true)));
        assertEquals(List.of("prod:1:aa11", "prod:2:cc33", "prod:1:bb22", "edge:1:ee55", "prod:2:dd44"),
                keys(ContainerQuery.ALL.withSort(ContainerQuery.Sort.CREATED, false)), "unknown dates last");
        assertEquals("prod:2:dd44", keys(ContainerQuery.ALL.withSort(ContainerQuery.Sort.HEALTH, false)).get(1),
                "healthy, unhealthy, ...");
    }

    @Test
    void restartsSortByTheInspectedCountInEitherDirectionWithUninspectedContainersLast() {
        FleetSnapshot inspected = SnapshotEdits.withInspections(snapshot, Map.of(
                "prod:2:cc33", new InspectionFacts(7, false, 1, NOW),
                "prod:1:bb22", new InspectionFacts(2, false, 1, NOW)));
        List<String> ascending = queries.containers(inspected, ContainerQuery.ALL
                .withSort(ContainerQuery.Sort.RESTARTS, false)).stream().map(FleetContainer::key).toList();
        List<String> descending = queries.containers(inspected, ContainerQuery.ALL
                .withSort(ContainerQuery.Sort.RESTARTS, true)).stream().map(FleetContainer::key).toList();
        assertEquals(List.of("prod:1:bb22", "prod:2:cc33"), ascending.subList(0, 2));
        assertEquals(List.of("prod:2:cc33", "prod:1:bb22"), descending.subList(0, 2));
        assertEquals(5, descending.size(), "the uninspected ones follow, not left out");
        assertEquals(ascending.subList(2, 5).stream().sorted().toList(),
                descending.subList(2, 5).stream().sorted().toList());
        assertEquals(Integer.valueOf(7), ContainerQuery.restarts(inspected.containers().stream()
                .filter(c -> c.key().equals("prod:2:cc33")).findFirst().orElseThrow(), inspected.inspections()));
    }

    @Test
    void theKeptSortOrdersGiveWhatAFullSortGives() {
        for (ContainerQuery.Sort sort : ContainerQuery.Sort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                for (ContainerQuery filter : List.of(ContainerQuery.ALL, search("shop"),
                        new ContainerQuery(null, null, null, null, null, null, false, null, false))) {
                    ContainerQuery query = filter.withSort(sort, descending);
                    assertEquals(Listing.sorted(snapshot.containers(), query::matches, query.comparator(snapshot.inspections())),
                            queries.containers(snapshot, query), sort + (descending ? " desc " : " ") + filter);
                }
            }
        }
        assertSame(queries.containers(snapshot, ContainerQuery.ALL), queries.containers(snapshot, ContainerQuery.ALL),
                "one sort per order and snapshot, kept for the next request");
    }

    @Test
    void aFilteredQueryIsOnePassPerSnapshotAndTheBarsAreTheSameForEveryOrder() {
        ContainerQuery shop = search("shop");
        List<FleetContainer> first = queries.containers(snapshot, shop);
        assertSame(first, queries.containers(snapshot, shop), "the same query of the same snapshot: remembered");
        assertEquals(List.of("edge:1:ee55", "prod:1:bb22", "prod:1:aa11"), queries.containers(snapshot,
                shop.withSort(ContainerQuery.Sort.CREATED, true)).stream().map(FleetContainer::key).toList(),
                "another order is another answer");

        FleetSnapshot edited = SnapshotEdits.withContainer(snapshot, "prod:1:aa11", container("aa11", "other",
                "nginx:1.27", ContainerState.RUNNING, "Up 3 days", null, Map.of(), NOW.minusSeconds(300)));
        assertEquals(List.of("prod:1:bb22", "edge:1:ee55"), queries.containers(edited, shop).stream()
                .map(FleetContainer::key).toList(), "a new snapshot is filtered again");

        List<EndpointStates> byName = queries.statesPerEndpoint(snapshot, shop, 15);
        assertSame(byName, queries.statesPerEndpoint(snapshot, shop.withSort(ContainerQuery.Sort.STATE, true), 15),
                "the tally does not depend on the order");
        assertEquals(List.of("prod:1", "edge:1"), byName.stream().map(EndpointStates::endpointKey).toList());
        assertEquals(2, byName.get(0).total());
    }

    @Test
    void theMemoHoldsAtMostItsCapacityAndForgetsAnOldSnapshot() {
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();
        SnapshotMemo<Integer, String> memo = new SnapshotMemo<>(2, (s, k) -> k + ":" + computed.incrementAndGet());
        assertEquals("1:1", memo.get(snapshot, 1));
        assertEquals("2:2", memo.get(snapshot, 2));
        assertEquals("1:1", memo.get(snapshot, 1));
        assertEquals("3:3", memo.get(snapshot, 3)); // 2 was the least recently used
        assertEquals("1:1", memo.get(snapshot, 1));
        assertEquals("2:4", memo.get(snapshot, 2), "evicted: computed again");
        assertEquals("1:5", memo.get(FleetSnapshot.assemble(NOW, 2, false, List.of()), 1),
                "another snapshot: computed again");
        assertEquals("null:6", memo.get(snapshot, null));
        assertEquals("null:6", memo.get(snapshot, null), "a null key is a key");
    }

    @Test
    void pagesCountEveryMatch() {
        Page<FleetContainer> page = queries.containers(snapshot, ContainerQuery.ALL, 3, 2);
        assertEquals(5, page.total());
        assertEquals(List.of("prod:1:aa11", "prod:2:cc33"), page.items().stream().map(FleetContainer::key).toList());
        assertEquals(0, queries.containers(snapshot, ContainerQuery.ALL, 10, 2).items().size(), "past the end");
        assertEquals(5, queries.containers(snapshot, ContainerQuery.ALL, 0, Integer.MAX_VALUE).items().size());
    }

    @Test
    void statesPerEndpointKeepTheTopEndpointsAndGroupTheRest() {
        List<EndpointStates> bars = queries.statesPerEndpoint(snapshot, ContainerQuery.ALL, 2);
        assertEquals(3, bars.size());
        assertEquals("prod:1", bars.get(0).endpointKey(), "2 containers; ties by name (agent-1 before agent-2)");
        assertEquals(Map.of(ContainerState.RUNNING, 1, ContainerState.EXITED, 1), bars.get(0).states());
        assertEquals("prod:2", bars.get(1).endpointKey());
        assertTrue(bars.get(2).others());
        assertEquals(1, bars.get(2).endpoints());
        assertEquals(1, bars.get(2).count(ContainerState.RUNNING));

        List<EndpointStates> all = queries.statesPerEndpoint(snapshot, ContainerQuery.ALL, 15);
        assertEquals(3, all.size(), "no others bar when every endpoint fits");
        assertTrue(all.stream().noneMatch(EndpointStates::others));
        assertEquals(List.of("prod:1"), queries.statesPerEndpoint(snapshot, search("tier="), 15).stream()
                .map(EndpointStates::endpointKey).toList(), "the filter applies");
    }

    @Test
    void blankFiltersMeanAny() {
        ContainerQuery query = new ContainerQuery(" ", "", "\t", " ", null, null, true, null, false);
        assertEquals(ContainerQuery.ALL, query);
    }
}
