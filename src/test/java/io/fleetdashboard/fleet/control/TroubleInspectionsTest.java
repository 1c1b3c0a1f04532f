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
}
