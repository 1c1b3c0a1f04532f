package io.fleetdashboard.fleet.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.ContainerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.fleetdashboard.fleet.Fixtures.agent;
import static io.fleetdashboard.fleet.Fixtures.container;

class SnapshotCacheTest {

    @TempDir
    Path dir;

    private final List<String> events = new ArrayList<>();
    /** The disk writer's tasks, run when a test says so: a put must not wait for them. */
    private final List<Runnable> pendingWrites = new ArrayList<>();

    private SnapshotCache cache(boolean disk) {
        SnapshotCache cache = new SnapshotCache();
        cache.metrics = new FleetMetrics() {
            @Override
            public void cacheHit(String tier) {
                events.add("hit:" + tier);
            }

            @Override
            public void cacheMiss() {
                events.add("miss");
            }

            @Override
            public void snapshotAge(Supplier<Double> ageSeconds) {
            }
        };
        cache.diskWriter = pendingWrites::add;
        cache.open(dir, disk);
        return cache;
    }

    private static FleetSnapshot snapshot() {
        return snapshot(Instant.parse("2026-11-30T00:00:00Z"));
    }

    private static FleetSnapshot snapshot(Instant at) {
        return FleetSnapshot.assemble(at, 10, true, List.of(new EnvironmentHarvest("sim-1", "Sim 1", true,
                List.of(new EndpointHarvest(agent(1, true), DataSource.LIVE, at, at, false,
                        List.of(container("a", ContainerState.RUNNING, "Up 1 hour", "shop")), List.of(), List.of(),
                        null, 5)), List.of(), null, null, at, at, 5)));
    }

    @Test
    void theHeapTierHandsOutTheSameObjectWithoutCopying() {
        SnapshotCache cache = cache(true);
        FleetSnapshot snapshot = snapshot();
        cache.put(snapshot);
        assertSame(snapshot, cache.current().orElseThrow(), "a refresh's snapshot is served as it is");
        assertSame(snapshot, cache.current().orElseThrow(), "a read must not copy or deserialize the snapshot");
        assertEquals(List.of("hit:heap", "hit:heap"), events);
        cache.close();
    }

    @Test
    void aFirstPaintSnapshotIsWrittenToDiskOnlyWhileTheFileHoldsNone() {
        SnapshotCache cache = cache(true);
        FleetSnapshot firstPaint = snapshot(Instant.parse("2026-11-30T00:00:00Z"));
        cache.putProvisional(firstPaint);
        assertEquals(1, pendingWrites.size(), "nothing on disk yet: a crash now must still find this one");
        pendingWrites.forEach(Runnable::run);
        pendingWrites.clear();
        FleetSnapshot complete = snapshot(Instant.parse("2026-11-30T00:01:00Z"));
        cache.put(complete);
        pendingWrites.forEach(Runnable::run);
        pendingWrites.clear();

        FleetSnapshot nextFirstPaint = snapshot(Instant.parse("2026-11-30T00:02:00Z"));
        cache.putProvisional(nextFirstPaint);
        assertSame(nextFirstPaint, cache.current().orElseThrow(), "served at once");
        assertTrue(pendingWrites.isEmpty(), "not serialized: its refresh's complete snapshot follows");
        cache.close();

        SnapshotCache after = cache(true);
        assertEquals(complete.takenAt(), after.current().orElseThrow().takenAt(),
                "the last complete snapshot is what a restart serves");
        after.close();
    }

    @Test
    void theDiskTierServesTheLastSnapshotAfterARestart() {
        SnapshotCache before = cache(true);
        FleetSnapshot snapshot = snapshot();
        before.put(snapshot);
        pendingWrites.forEach(Runnable::run);
        before.close();

        SnapshotCache after = cache(true);
        assertEquals(snapshot, after.current().orElseThrow());
        assertEquals(snapshot, after.current().orElseThrow());
        assertEquals(List.of("hit:disk", "hit:heap"), events);
        after.close();
    }

    @Test
    void withTheDiskTierOffNothingSurvivesARestart() {
        SnapshotCache before = cache(false);
        before.put(snapshot());
        before.close();

        SnapshotCache after = cache(false);
        assertTrue(after.current().isEmpty());
        assertEquals(List.of("miss"), events);
        after.close();
    }

    @Test
    void aPutDoesNotWaitForTheDiskAndShutdownWritesWhatIsPending() {
        SnapshotCache before = cache(true);
        FleetSnapshot snapshot = snapshot();
        before.put(snapshot);
        before.put(snapshot);
        assertEquals(1, pendingWrites.size(), "one writer at a time, however many refreshes end");
        assertSame(snapshot, before.current().orElseThrow(), "served before the disk write ran");
        before.close(); // the writer never ran: closing writes the latest snapshot itself

        SnapshotCache after = cache(true);
        assertEquals(snapshot, after.current().orElseThrow());
        after.close();
    }

    @Test
    void aCrashAfterThePublishStillLeavesTheSnapshotOnDisk() {
        SnapshotCache before = cache(true);
        FleetSnapshot snapshot = snapshot();
        before.put(snapshot);
        pendingWrites.forEach(Runnable::run);
        assertEquals(snapshot.takenAt(), before.persisted().orElseThrow());
        // no close(): the process was killed

        SnapshotCache after = cache(true);
        FleetSnapshot served = after.current().orElseThrow();
        assertEquals(snapshot, served);
        assertTrue(after.restored(served), "marked as read back after a restart");
        FleetSnapshot fresh = snapshot();
        after.put(fresh);
        assertFalse(after.restored(after.current().orElseThrow()), "a refresh replaced it");
    }

    @Test
    void aWriteCutOffByACrashLeavesThePreviousCopy() throws Exception {
        SnapshotCache before = cache(true);
        FleetSnapshot snapshot = snapshot();
        before.put(snapshot);
        pendingWrites.forEach(Runnable::run);
        // the next write was killed half-way: only its temporary file exists
        Files.write(dir.resolve(SnapshotFile.NAME + ".tmp"), new byte[] {0x46, 0x4C, 0x54});

        assertEquals(snapshot, cache(true).current().orElseThrow());
    }

    @Test
    void aDamagedFileIsAMissNotAnOutage() throws Exception {
        SnapshotCache before = cache(true);
        before.put(snapshot());
        pendingWrites.forEach(Runnable::run);
        byte[] whole = Files.readAllBytes(dir.resolve(SnapshotFile.NAME));
        Files.write(dir.resolve(SnapshotFile.NAME), java.util.Arrays.copyOf(whole, whole.length / 2));

        assertTrue(cache(true).current().isEmpty());
    }

    @Test
    void peekingIsNotCountedAsCacheTraffic() {
        SnapshotCache cache = cache(true);
        assertTrue(cache.peek().isEmpty());
        FleetSnapshot snapshot = snapshot();
        cache.put(snapshot);
        assertSame(snapshot, cache.peek().orElseThrow());
        assertEquals(List.of(), events, "a scrape of the age gauge must not look like a read");
        cache.close();
    }
}
