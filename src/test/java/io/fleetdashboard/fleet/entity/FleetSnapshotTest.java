package io.fleetdashboard.fleet.entity;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.container;
import static io.fleetdashboard.fleet.Fixtures.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetSnapshotTest {

    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private final EnvironmentHarvest prod = new EnvironmentHarvest("prod", "Production", false, List.of(
            new EndpointHarvest(agent(1, true), DataSource.LIVE, NOW, NOW, false, List.of(
                    container("a", ContainerState.RUNNING, "Up 3 days (healthy)", "shop"),
                    container("b", ContainerState.RUNNING, "Up 3 days (unhealthy)", "shop"),
                    container("c", ContainerState.EXITED, "Exited (137) 5 minutes ago", null),
                    container("d", ContainerState.RESTARTING, "Restarting (1) 3 seconds ago", "crm")),
                    List.of(image("1"), image("2")), List.of(), null, 12),
            new EndpointHarvest(agent(2, false), DataSource.NONE, null, null, false, List.of(), List.of(), List.of(), null, 0)),
            List.of(new Stack(7, "shop", 1, StackType.COMPOSE, true), new Stack(8, "billing", 2, StackType.COMPOSE,
                    false), new Stack(9, "hidden", 99, StackType.COMPOSE, true)),
            null, null, NOW, NOW, 40);

    @Test
    void countsAreComputedOnceFromTheHarvest() {
        FleetCounts counts = FleetSnapshot.assemble(NOW, 50, false, List.of(prod)).counts();
        assertEquals(new FleetCounts(1, 2, 1, 1, 4, 2, 2, 1, 1, 1, 3, 2, 0, 0, 2, 1, 2, 0, 2000, 2000), counts);
    }

    @Test
    void imagesAreCountedByDistinctIdAcrossTheFleetAndStoredSnapshotContainersApart() {
        Image shared = image("shared");
        Image dangling = new Image("sha256:old", List.of(), 500, NOW, true);
        var edge = new EndpointHarvest(io.fleetdashboard.fleet.Fixtures.asyncEdge(3), DataSource.PORTAINER_SNAPSHOT,
                NOW.minusSeconds(60), NOW, false, List.of(container("e", ContainerState.RUNNING, "Up 1 hour", null)),
                List.of(shared, dangling), List.of(), null, 1);
        var agent = new EndpointHarvest(agent(4, true), DataSource.LIVE, NOW, NOW, false, List.of(),
                List.of(shared), List.of(), null, 1);
        var env = new EnvironmentHarvest("e", "E", false, List.of(edge, agent), List.of(), null, null, NOW, NOW, 1);

        FleetCounts counts = FleetSnapshot.assemble(NOW, 1, false, List.of(env)).counts();

        assertEquals(3, counts.images(), "copies: one per endpoint");
        assertEquals(2, counts.imagesDistinct());
        assertEquals(1, counts.imagesDangling());
        assertEquals(1500, counts.imagesDistinctSizeBytes(), "each distinct image once");
        assertEquals(2500, counts.imageCopiesSizeBytes());
        assertEquals(1, counts.containersFromPortainerSnapshot());
        assertEquals(1, counts.containersTotal(), "the stored snapshot's containers are part of the total");
    }

    @Test
    void idsAreNamespacedByEnvironment() {
        FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(prod));
        assertEquals("prod:1", snapshot.endpoints().get(0).key());
        assertEquals("prod:1:a", snapshot.containers().get(0).key());
        assertEquals("prod:1", snapshot.containers().get(0).endpointKey());
    }

    @Test
    void stacksUnitePortainerStacksAndExternalComposeProjects() {
        FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(prod));
        var byName = snapshot.stacks().stream().collect(java.util.stream.Collectors.toMap(FleetStack::name, s -> s));
        assertEquals(7, byName.get("shop").portainerId());
        assertEquals(2, byName.get("shop").containers());
        assertTrue(byName.get("crm").external());
        assertFalse(byName.get("crm").active(), "no running container: an external stack is inactive");
        assertEquals(0, byName.get("billing").containers(), "a managed stack on an offline endpoint still shows");
        assertNull(byName.get("hidden"), "a stack of an endpoint the list hides is not shown");
    }

    @Test
    void anEnvironmentErrorIsKeptBesideItsState() {
        var failed = new EnvironmentHarvest("edge", "Edge", false, List.of(), List.of(),
                new FetchError(io.fleetdashboard.portainer.entity.ErrorKind.UNAVAILABLE, "refused", NOW), null, NOW,
                NOW.minusSeconds(600), 3);
        FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(prod, failed));
        assertEquals(2, snapshot.counts().environments());
        assertEquals("refused", snapshot.environments().get(1).error().message());
        assertEquals(4, snapshot.counts().containersTotal());
        assertEquals(1, snapshot.freshness().environmentsFailed());
        assertTrue(snapshot.freshness().degraded());
        assertEquals(NOW.minusSeconds(600), snapshot.freshness().dataAsOf(),
                "the snapshot is as old as its oldest environment's last successful read");
    }

    @Test
    void aCompleteSnapshotIsAsOldAsItsOldestEnvironmentAndNotDegraded() {
        var older = new EnvironmentHarvest("dr", "DR", false, List.of(), List.of(), null, null, NOW,
                NOW.minusSeconds(5), 3);
        FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(prod, older));
        assertEquals(NOW.minusSeconds(5), snapshot.freshness().dataAsOf());
        assertFalse(snapshot.freshness().degraded());
    }

    @Test
    void theAttentionListIsRankedWorstFirstAndCappedPerKindWithCounts() {
        FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(prod));
        assertEquals(List.of(Attention.Kind.ENDPOINT_OFFLINE, Attention.Kind.UNHEALTHY, Attention.Kind.CRASH_LOOP),
                snapshot.attention().stream().map(Attention::kind).toList());
        assertEquals("prod:2", snapshot.attention().get(0).subject());

        var many = new java.util.ArrayList<EndpointHarvest>();
        for (int i = 0; i < 30; i++) {
            many.add(new EndpointHarvest(agent(100 + i, false), DataSource.NONE, null, null, false, List.of(), List.of(),
                    List.of(), null, 0));
        }
        many.add(new EndpointHarvest(agent(7, true), DataSource.LIVE, NOW, NOW, false, List.of(
                new io.fleetdashboard.portainer.entity.Container("x", "c-x", "nginx", "sha256:x",
                        ContainerState.EXITED, "Exited (137) 2 minutes ago",
                        io.fleetdashboard.portainer.entity.ContainerHealth.NONE, 137, NOW, List.of(), null, null,
                        List.of())), List.of(), List.of(), null, 1));
        var big = new EnvironmentHarvest("big", "Big", false, many, List.of(), null, null, NOW, NOW, 1);
        FleetSnapshot crowded = FleetSnapshot.assemble(NOW, 1, false, List.of(big));
        assertEquals(30, crowded.attentionCounts().get(Attention.Kind.ENDPOINT_OFFLINE), "every one is counted");
        assertEquals(FleetSnapshot.ATTENTION_PER_KIND, crowded.attention().stream()
                .filter(a -> a.kind() == Attention.Kind.ENDPOINT_OFFLINE).count());
        Attention exited = crowded.attention().get(crowded.attention().size() - 1);
        assertEquals(Attention.Kind.EXITED_NON_ZERO, exited.kind(), "30 offline endpoints do not hide it");
        assertTrue(exited.detail().contains("out of memory"), exited.detail());
    }

    @Test
    void aSnapshotMissingAPartIsRefusedSoAnOutdatedDiskCopyIsNeverServed() {
        FleetSnapshot good = FleetSnapshot.assemble(NOW, 50, false, List.of(prod));
        org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> new FleetSnapshot(
                good.takenAt(), 1, false, good.environments(), good.endpoints(), good.containers(), null,
                good.stacks(), good.images(), good.networks(), good.counts(), good.containersByState(),
                good.attention(), good.attentionCounts(), good.freshness(), good.inspections()));
    }

    private static io.fleetdashboard.portainer.entity.Container exited(String id, int code) {
        return new io.fleetdashboard.portainer.entity.Container(id, "c-" + id, "nginx", "sha256:" + id,
                ContainerState.EXITED, "Exited (" + code + ") 2 minutes ago",
                io.fleetdashboard.portainer.entity.ContainerHealth.NONE, code, NOW, List.of(), null, null, List.of());
    }

    @Test
    void inspectFactsGiveCrashLoopsTheirRestartCountAndOomKillsTheirOwnKind() {
        var troubled = new EnvironmentHarvest("prod", "Production", false, List.of(new EndpointHarvest(agent(1, true),
                DataSource.LIVE, NOW, NOW, false, List.of(exited("oom", 137), exited("killed", 137),
                        exited("failed", 1), container("loop", ContainerState.RESTARTING,
                                "Restarting (1) 3 seconds ago", null),
                        container("fine", ContainerState.RUNNING, "Up 2 hours", null)),
                List.of(), List.of(), null, 1)), List.of(), null, null, NOW, NOW, 1);
        Instant inspected = NOW.plusSeconds(2);
        var facts = java.util.Map.of("prod:1:oom", new InspectionFacts(0, true, 137, inspected),
                "prod:1:killed", new InspectionFacts(0, false, 137, inspected),
                "prod:1:loop", new InspectionFacts(17, false, 1, inspected),
                "prod:1:fine", new InspectionFacts(4, false, 0, inspected));

        FleetSnapshot before = FleetSnapshot.assemble(NOW, 1, false, List.of(troubled));
        FleetSnapshot after = FleetSnapshot.assemble(NOW, 1, false, List.of(troubled), facts);

        assertEquals(java.util.Map.of(Attention.Kind.CRASH_LOOP, 1, Attention.Kind.EXITED_NON_ZERO, 3),
                before.attentionCounts(), "before inspect, a 137 is only an exit with an error");
        assertEquals(java.util.Map.of(Attention.Kind.CRASH_LOOP, 1, Attention.Kind.EXITED_NON_ZERO, 2,
                Attention.Kind.OOM_KILLED, 1), after.attentionCounts());
        Attention loop = after.attention().stream().filter(a -> a.kind() == Attention.Kind.CRASH_LOOP).findFirst()
                .orElseThrow();
        assertEquals(17, loop.restartCount());
        assertEquals(inspected, loop.inspectedAt());
        assertTrue(loop.detail().contains("restarted 17 times"), loop.detail());
        Attention oom = after.attention().get(after.attention().size() - 1);
        assertEquals(Attention.Kind.OOM_KILLED, oom.kind());
        assertEquals("prod:1:oom", oom.subject());
        assertNull(before.attention().get(0).restartCount(), "not inspected yet: unknown, not 0");
        assertEquals(java.util.Set.of("prod:1:oom", "prod:1:killed", "prod:1:loop"), after.inspections().keySet(),
                "a container running again drops its facts");
        assertEquals(List.of(facts.get("prod:1:loop")), after.crashLoopInspections());
    }
}
