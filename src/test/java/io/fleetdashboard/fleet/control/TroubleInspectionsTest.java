package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.asyncEdge;
import static io.fleetdashboard.fleet.Fixtures.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TroubleInspectionsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private static Container exited(String id, int code) {
        return new Container(id, "c-" + id, "nginx", "sha256:" + id, ContainerState.EXITED,
                "Exited (" + code + ") 2 minutes ago", ContainerHealth.NONE, code, NOW, List.of(), null, null,
                List.of());
    }

    private static Container looping(String id) {
        return container(id, ContainerState.RESTARTING, "Restarting (1) 3 seconds ago", null);
    }

    private static FleetSnapshot fleet(Map<String, InspectionFacts> facts) {
        var live = new EndpointHarvest(agent(1, true), DataSource.LIVE, NOW, NOW, false, List.of(exited("oom", 137),
                exited("failed", 1), exited("clean", 0), looping("loop-a"), looping("loop-b"),
                container("up", ContainerState.RUNNING, "Up 1 hour", null)), List.of(), List.of(), null, 1, 2);
        var edge = new EndpointHarvest(asyncEdge(2), DataSource.PORTAINER_SNAPSHOT, NOW, NOW, false,
                List.of(looping("edge-loop")), List.of(), List.of(), null, 1);
        return FleetSnapshot.assemble(NOW, 1, false, List.of(new EnvironmentHarvest("prod", "Prod", false,
                List.of(live, edge), List.of(), null, null, NOW, NOW, 1)), facts);
    }

    private static List<String> keys(List<FleetContainer> containers) {
        return containers.stream().map(FleetContainer::key).toList();
    }

    @Test
    void onlyCrashLoopsAndSigkilledContainersThatDockerCanBeAskedAboutAreInspectedCrashLoopsFirst() {
        assertEquals(List.of("prod:1:loop-a", "prod:1:loop-b", "prod:1:oom"),
                keys(TroubleInspections.candidates(fleet(Map.of()), 10)),
                "not exit 1 or 0 (inspect adds nothing), not the async edge agent's (Docker cannot be asked)");
    }

    @Test
    void theNeverInspectedGoFirstThenCrashLoopsWhoseCountGrowsThenTheLongestAgoAndNoMoreThanTheCap() {
        var facts = Map.of("prod:1:loop-a", new InspectionFacts(3, false, 1, NOW.minusSeconds(10)),
                "prod:1:loop-b", new InspectionFacts(3, false, 1, NOW.minusSeconds(20)),
                "prod:1:oom", new InspectionFacts(0, true, 137, NOW.minusSeconds(600)));

        assertEquals(List.of("prod:1:loop-b", "prod:1:loop-a", "prod:1:oom"),
                keys(TroubleInspections.candidates(fleet(facts), 10)));
        assertEquals(List.of("prod:1:loop-b", "prod:1:oom"), keys(TroubleInspections.candidates(
                fleet(Map.of("prod:1:loop-a", facts.get("prod:1:loop-a"))), 2)), "never inspected first");
        assertEquals(List.of(), TroubleInspections.candidates(fleet(facts), 0));
    }

    @Test
    void factsMergedIntoTheSnapshotChangeItsAttentionAndNothingElse() {
        FleetSnapshot before = fleet(Map.of());
        FleetSnapshot after = SnapshotEdits.withInspections(before, Map.of("prod:1:oom",
                new InspectionFacts(2, true, 137, NOW), "prod:1:loop-b", new InspectionFacts(31, false, 1, NOW)));

        assertEquals(before.counts(), after.counts());
        assertEquals(before.endpoints(), after.endpoints(), "skipped items and all");
        assertEquals(before.takenAt(), after.takenAt());
        assertEquals(1, after.attentionCounts().get(Attention.Kind.OOM_KILLED));
        assertEquals(31, after.attention().stream().filter(a -> a.kind() == Attention.Kind.CRASH_LOOP)
                .findFirst().orElseThrow().restartCount(), "the most restarts first");
        assertSame(before, SnapshotEdits.withInspections(before, Map.of()));
    }

    @Test
    void aRoundInspectsThroughTheGatewayAndPublishesTheFactsMarkedWithTheirTime(@org.junit.jupiter.api.io.TempDir
                                                                                java.nio.file.Path dir)
            throws Exception {
        var prod = new io.fleetdashboard.environments.entity.EnvironmentConnection("prod", "Prod",
                java.net.URI.create("http://127.0.0.1:1/api"), "ptr_secret", true, false);
        java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();
        var inspections = new TroubleInspections();
        inspections.clock = java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC);
        inspections.environments = new io.fleetdashboard.environments.control.Environments() {
            @Override
            public java.util.Optional<io.fleetdashboard.environments.entity.EnvironmentConnection> connection(
                    String name) {
                return java.util.Optional.of(prod).filter(c -> c.name().equals(name));
            }
        };
        inspections.gateway = new io.fleetdashboard.portainer.control.PortainerGateway() {
            @Override
            public io.fleetdashboard.portainer.entity.ContainerInspection inspectInBackground(
                    io.fleetdashboard.environments.entity.EnvironmentConnection environment, int endpointId,
                    String containerId) {
                asked.add(endpointId + ":" + containerId);
                if (containerId.equals("loop-b")) {
                    throw new io.fleetdashboard.portainer.entity.PortainerException(
                            io.fleetdashboard.portainer.entity.ErrorKind.NOT_FOUND, "gone");
                }
                return new io.fleetdashboard.portainer.entity.ContainerInspection(containerId, "c", null, "img",
                        "sha256:1", "run", new io.fleetdashboard.portainer.entity.ContainerInspection.RunState(
                        ContainerState.EXITED, false, false, false, containerId.equals("oom"), false, 0, 137, "",
                        null, null), null, "always", 0, containerId.equals("loop-a") ? 12 : 0, "root", "h", "/",
                        List.of(), Map.of(), List.of(), List.of(), List.of(), null);
            }
        };
        inspections.cache = new SnapshotCache();
        inspections.cache.metrics = new FleetMetrics() {
            @Override
            public void cacheHit(String tier) {
            }

            @Override
            public void cacheMiss() {
            }
        };
        inspections.cache.open(dir, false);
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            FleetSnapshot snapshot = fleet(Map.of());
            inspections.cache.put(snapshot);

            int published = inspections.after(snapshot, executor, timer, () -> false)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertEquals(java.util.Set.of("1:loop-a", "1:loop-b", "1:oom"), asked, "only the three in trouble");
            assertEquals(2, published, "the container that is gone is skipped, the others are kept");
            FleetSnapshot current = inspections.cache.current().orElseThrow();
            assertEquals(new InspectionFacts(12, false, 137, NOW), current.inspections().get("prod:1:loop-a"));
            assertEquals(1, current.attentionCounts().get(Attention.Kind.OOM_KILLED));
            assertEquals(snapshot.takenAt(), current.takenAt(), "still the refresh's snapshot, with the facts");

            asked.clear();
            assertEquals(0, inspections.after(snapshot, executor, timer, () -> true)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS), "a refresh running: nothing is inspected");
            assertEquals(java.util.Set.of(), asked);
        } finally {
            executor.shutdownNow();
            timer.shutdownNow();
            inspections.cache.close();
        }
    }
}
