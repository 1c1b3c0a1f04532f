package io.fleetdashboard.fleet.control;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.container;
import static io.fleetdashboard.fleet.Fixtures.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetdashboard.fleet.entity.Attention;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotEditsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    private final FleetSnapshot snapshot = FleetSnapshot.assemble(NOW, 50, false, List.of(new EnvironmentHarvest(
            "prod", "Production", false, List.of(
            new EndpointHarvest(agent(1, true), DataSource.LIVE, NOW, NOW, false, List.of(
                    container("a", ContainerState.RUNNING, "Up 3 days (healthy)", "shop"),
                    container("d", ContainerState.RESTARTING, "Restarting (1) 3 seconds ago", "crm")),
                    List.of(image("1")), List.of(), null, 12),
            new EndpointHarvest(agent(2, false), DataSource.PREVIOUS, NOW, NOW, false, List.of(
                    container("z", ContainerState.RUNNING, "Up 1 hour", null)), List.of(), List.of(), null, 0)),
            List.of(new Stack(7, "shop", 1, StackType.COMPOSE, true)), null, null, NOW, NOW, 40)));

    @Test
    void aReplacedContainerChangesCountsAndAttentionAndNothingElse() {
        assertEquals(1, snapshot.attentionCounts().get(Attention.Kind.CRASH_LOOP));
        FleetSnapshot edited = SnapshotEdits.withContainer(snapshot, "prod:1:d",
                container("d", ContainerState.EXITED, "Exited (0) 1 second ago", "crm"));

        assertEquals(ContainerState.EXITED, edited.containers().get(1).container().state());
        assertEquals("prod:1:d", edited.containers().get(1).key(), "same place, same key");
        assertEquals(0, edited.counts().containersRestarting());
        assertEquals(1, edited.counts().containersRunning());
        assertEquals(null, edited.attentionCounts().get(Attention.Kind.CRASH_LOOP));
        assertEquals(snapshot.takenAt(), edited.takenAt());
        assertEquals(snapshot.freshness(), edited.freshness());
        assertEquals(snapshot.stacks().size(), edited.stacks().size());
        assertEquals(snapshot.stacks().get(0).portainerId(), edited.stacks().stream()
                .filter(s -> s.name().equals("shop")).findFirst().orElseThrow().portainerId());
        assertEquals(snapshot.images(), edited.images());
        assertEquals(snapshot.endpoints(), edited.endpoints());
        assertEquals(snapshot.offlineContainers(), edited.offlineContainers());
    }

    @Test
    void aSnapshotThatTakenApartAndAssembledAgainIsTheSame() {
        FleetSnapshot same = SnapshotEdits.withContainer(snapshot, "prod:1:a", snapshot.containers().get(0).container());
        assertEquals(snapshot, same);
    }

    @Test
    void anUnknownKeyLeavesTheSnapshotAlone() {
        assertSame(snapshot, SnapshotEdits.withContainer(snapshot, "prod:1:nope",
                container("nope", ContainerState.RUNNING, "Up", null)));
    }
}
