package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.fleet.entity.AgeHistogram;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Tally;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetTalliesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    private static Container running(String id, String image, int daysOld) {
        return new Container(id, "c-" + id, image, "sha256:" + id, ContainerState.RUNNING, "Up", ContainerHealth.NONE,
                null, NOW.minus(Duration.ofDays(daysOld)), List.of(), null, null, List.of());
    }

    private static EndpointHarvest endpoint(int id, Container... containers) {
        return new EndpointHarvest(agent(id, id != 3), DataSource.LIVE, NOW, NOW, false, List.of(containers),
                List.of(), List.of(), null, 1);
    }

    private final FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 1, false, List.of(
            new EnvironmentHarvest("prod", "Production", false, List.of(
                    endpoint(1, running("a", "registry.example.com/shop/web:2", 0),
                            running("b", "registry.example.com/shop/web:2", 10),
                            running("c", "redis:7", 40)),
                    endpoint(2, running("d", "redis:7", 1)),
                    endpoint(3)),
                    List.of(), null, null, NOW, NOW, 1)));

    @Test
    void rankingsKeepTheTopAndGroupTheRest() {
        assertEquals(List.of(new Tally("b", 3), new Tally("a", 2), new Tally(FleetTallies.OTHERS, 2)),
                FleetTallies.ranked(Map.of("a", 2L, "b", 3L, "c", 1L, "d", 1L), 2));
        assertEquals(List.of(new Tally("agent-1 (prod)", 3), new Tally("agent-2 (prod)", 1)),
                FleetTallies.runningPerEndpoint(snapshot, null, 15), "endpoints without running containers omitted");
        assertEquals(List.of(new Tally("Online", 2), new Tally("Offline", 1)),
                FleetTallies.endpointHealth(snapshot, null));
        assertEquals(List.of(new Tally("Online", 0), new Tally("Offline", 0)),
                FleetTallies.endpointHealth(snapshot, "staging"));
    }

    @Test
    void imagesAreNamedByTheirLastPathSegment() {
        assertEquals(List.of(new Tally("redis:7", 2), new Tally("web:2", 2)),
                FleetTallies.runningImages(snapshot, null, 10));
        assertEquals("nginx", FleetTallies.shortImage("nginx@sha256:abc"));
        assertEquals("(none)", FleetTallies.shortImage(null));
        assertEquals(40, FleetTallies.shortImage("x/" + "a".repeat(60)).length());
        assertEquals(Map.of("agent-1 (prod)", List.of(new Tally("web:2", 2), new Tally("redis:7", 1)),
                        "agent-2 (prod)", List.of(new Tally("redis:7", 1))),
                FleetTallies.runningByEndpointAndImage(snapshot, null, 5, 5));
    }

    @Test
    void theAgeHistogramBinsByDays() {
        AgeHistogram ages = FleetTallies.runningAge(snapshot, null, NOW, 20);
        assertEquals(4, ages.counted());
        assertEquals(40, ages.oldestDays(), 0.001);
        assertEquals(0, ages.newestDays(), 0.001);
        assertEquals(5.5, ages.medianDays(), 0.001);
        assertEquals(new Tally("0-2 d", 2), ages.bins().get(0), "40 days in 20 bins: 2 days each");
        assertEquals(new Tally("38-40 d", 1), ages.bins().get(19), "the last bin holds its upper edge");
        assertEquals(20, ages.bins().size());
        assertEquals(4, ages.bins().stream().mapToLong(Tally::count).sum());
        assertEquals(AgeHistogram.EMPTY, FleetTallies.runningAge(snapshot, "staging", NOW, 20));
    }

    @Test
    void storedBytesAreGroupedByRepository() {
        List<io.fleetdashboard.fleet.entity.ImageUsage> images = List.of(
                new io.fleetdashboard.fleet.entity.ImageUsage("sha256:1", List.of("nginx:1.27"), 100, NOW, false, 3,
                        1, 1),
                new io.fleetdashboard.fleet.entity.ImageUsage("sha256:2", List.of("nginx:1.26"), 90, NOW, false, 1,
                        0, 0),
                new io.fleetdashboard.fleet.entity.ImageUsage("sha256:3", List.of("registry:5000/app:2"), 50, NOW,
                        false, 1, 0, 0),
                new io.fleetdashboard.fleet.entity.ImageUsage("sha256:4", List.of(), 10, NOW, true, 2, 0, 0));
        assertEquals(Map.of("nginx", List.of(new Tally("nginx:1.27", 300), new Tally("nginx:1.26", 90)),
                        "registry:5000/app", List.of(new Tally("registry:5000/app:2", 50)),
                        "untagged", List.of(new Tally("4", 20))),
                FleetTallies.storedBytesByRepository(images, 5, 5));
        assertEquals(List.of("nginx"), List.copyOf(FleetTallies.storedBytesByRepository(images, 1, 5).keySet()));
    }
}
