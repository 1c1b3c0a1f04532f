package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fleetdashboard.portainer.entity.StatsReading;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against numbers worked out by hand with the docker CLI's formulas (docs/portainer.md, "Container stats"). */
class StatsFormulasTest {

    @Test
    void cpuPercentOfTheSpecExampleIs25() {
        var pre = new StatsReading.Cpu(123_356_789_012L, 98_765_432_100_000_000L, 4, 0);
        var cur = new StatsReading.Cpu(123_606_789_012L, 98_765_436_100_000_000L, 4, 0);
        // cpuDelta 2.5e8 / systemDelta 4.0e9 * 4 CPUs * 100
        assertEquals(25.0, StatsFormulas.cpuPercent(pre, cur), 1e-9);
    }

    @Test
    void cpuFallsBackToPerCpuCountAndIsZeroWithoutProgress() {
        var pre = new StatsReading.Cpu(1_000_000_000L, 10_000_000_000L, 0, 2);
        var cur = new StatsReading.Cpu(1_500_000_000L, 12_000_000_000L, 0, 2);
        // 0.5e9 / 2e9 * 2 * 100 = 50
        assertEquals(50.0, StatsFormulas.cpuPercent(pre, cur), 1e-9);
        assertEquals(0.0, StatsFormulas.cpuPercent(cur, pre));
        assertEquals(0.0, StatsFormulas.cpuPercent(cur, cur));
        assertEquals(0.0, StatsFormulas.cpuPercent(null, cur));
    }

    @Test
    void firstReadingUsesItsOwnPrecpuStats() {
        var reading = new StatsReading(Instant.EPOCH, new StatsReading.Cpu(3_000_000_000L, 8_000_000_000L, 4, 0),
                new StatsReading.Cpu(2_000_000_000L, 4_000_000_000L, 4, 0), null, List.of(), List.of());
        // 1e9 / 4e9 * 4 * 100 = 100 (one full core)
        assertEquals(100.0, StatsFormulas.cpuPercent(reading), 1e-9);
    }

    @Test
    void memoryCgroupV2SubtractsInactiveFile() {
        var memory = new StatsReading.Memory(268_435_456L, 1_073_741_824L, null, 16_777_216L);
        assertEquals(251_658_240L, StatsFormulas.memoryUsed(memory));
        assertEquals(23.4375, StatsFormulas.memoryPercent(251_658_240L, 1_073_741_824L), 1e-9);
    }

    @Test
    void memoryCgroupV1SubtractsTotalInactiveFileFirst() {
        var memory = new StatsReading.Memory(100_000_000L, 400_000_000L, 20_000_000L, 30_000_000L);
        assertEquals(80_000_000L, StatsFormulas.memoryUsed(memory));
        assertEquals(20.0, StatsFormulas.memoryPercent(80_000_000L, 400_000_000L), 1e-9);
    }

    @Test
    void memoryKeepsUsageWhenInactiveIsNotBelowItAndGuardsMissingFigures() {
        assertEquals(1000L, StatsFormulas.memoryUsed(new StatsReading.Memory(1000L, 5000L, 1000L, null)));
        // v1 key present but too large: the CLI does not fall through to the v2 key
        assertEquals(1000L, StatsFormulas.memoryUsed(new StatsReading.Memory(1000L, 5000L, 2000L, 10L)));
        assertEquals(1000L, StatsFormulas.memoryUsed(new StatsReading.Memory(1000L, 5000L, null, null)));
        assertNull(StatsFormulas.memoryUsed(new StatsReading.Memory(null, null, null, null)));
        assertNull(StatsFormulas.memoryUsed(null));
        assertEquals(0.0, StatsFormulas.memoryPercent(1000L, 0L));
        assertEquals(0.0, StatsFormulas.memoryPercent(1000L, null));
    }

    @Test
    void networkAndBlockSums() {
        var reading = new StatsReading(Instant.EPOCH, null, null, null,
                List.of(new StatsReading.NetworkIo("eth0", 100, 10), new StatsReading.NetworkIo("eth1", 50, 5)),
                List.of(new StatsReading.BlockIo("read", 1000), new StatsReading.BlockIo("Read", 500),
                        new StatsReading.BlockIo("write", 300), new StatsReading.BlockIo("Write", 200),
                        new StatsReading.BlockIo("sync", 7), new StatsReading.BlockIo("total", 2000)));
        assertEquals(150, StatsFormulas.networkRx(reading));
        assertEquals(15, StatsFormulas.networkTx(reading));
        assertEquals(1500, StatsFormulas.blockRead(reading));
        assertEquals(500, StatsFormulas.blockWrite(reading));
    }

    @Test
    void ratesPerSecondWithCounterResets() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Instant t2 = t0.plusMillis(2000);
        assertEquals(1000.0, StatsFormulas.rate(1000L, 3000L, t0, t2), 1e-9);
        assertEquals(0.0, StatsFormulas.rate(3000L, 3000L, t0, t2), 1e-9);
        assertNull(StatsFormulas.rate(null, 3000L, null, t2), "first reading");
        assertNull(StatsFormulas.rate(5000L, 100L, t0, t2), "counter reset: restarted container");
        assertNull(StatsFormulas.rate(1000L, 3000L, t2, t2), "no time passed");
    }
}
