package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fleetdashboard.fleet.Fixtures;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.StatsReading;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {

    private static MetricsCollector.Target target(String id) {
        FleetContainer container = new FleetContainer("env:1:" + id, "env", "env:1", "ep-1",
                Fixtures.container(id, ContainerState.RUNNING, "Up 1 hour", null));
        FleetEndpoint endpoint = new FleetEndpoint("env:1", "env", Fixtures.agent(1, true), DataSource.LIVE,
                Instant.EPOCH, Instant.EPOCH, false, 1, 1, 0, null, 0);
        return new MetricsCollector.Target(container, endpoint);
    }

    private static StatsReading reading(Instant at, long cpu, long system, long rx, long blockRead) {
        return new StatsReading(at, new StatsReading.Cpu(cpu, system, 2, 0),
                new StatsReading.Cpu(cpu - 100_000_000L, system - 2_000_000_000L, 2, 0),
                new StatsReading.Memory(1000L, 4000L, null, 200L),
                List.of(new StatsReading.NetworkIo("eth0", rx, rx / 2)),
                List.of(new StatsReading.BlockIo("read", blockRead), new StatsReading.BlockIo("write", 0)));
    }

    @Test
    void roundsTakeContainersRoundRobin() {
        MetricsCollector collector = new MetricsCollector();
        collector.maxContainersPerRound = 4;
        List<MetricsCollector.Target> all = IntStream.range(0, 10).mapToObj(i -> target("c" + i)).toList();
        List<String> first = collector.choose("env", all).stream().map(t -> t.container().key()).toList();
        List<String> second = collector.choose("env", all).stream().map(t -> t.container().key()).toList();
        List<String> third = collector.choose("env", all).stream().map(t -> t.container().key()).toList();
        assertEquals(List.of("env:1:c0", "env:1:c1", "env:1:c2", "env:1:c3"), first);
        assertEquals(List.of("env:1:c4", "env:1:c5", "env:1:c6", "env:1:c7"), second);
        assertEquals(List.of("env:1:c8", "env:1:c9", "env:1:c0", "env:1:c1"), third, "wraps around");
        assertEquals(10, collector.choose("other", all.subList(0, 4)).size() + 6, "fits: all of them");
    }

    @Test
    void firstReadingUsesPrecpuThenRatesComeFromConsecutiveReadings() {
        MetricsCollector collector = new MetricsCollector();
        MetricsCollector.Target t = target("c0");
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Sample first = collector.sample(new MetricsCollector.Read(t, reading(t0, 10_000_000_000L,
                100_000_000_000L, 5_000, 1_000), t0));
        // precpu: 1e8 / 2e9 * 2 * 100 = 10 %
        assertEquals(10.0, first.cpuPercent(), 1e-9);
        assertEquals(800L, first.memoryBytes());
        assertEquals(20.0, first.memoryPercent(), 1e-9);
        assertNull(first.netRx(), "no rate from a single reading");
        assertNull(first.blockRead());

        Instant t10 = t0.plusSeconds(10);
        // 10 s later: 5e9 ns of CPU over 2e10 ns of system time on 2 CPUs = 50 %; 10,000 bytes received = 1000 B/s
        Sample second = collector.sample(new MetricsCollector.Read(t, reading(t10, 15_000_000_000L,
                120_000_000_000L, 15_000, 41_000), t10));
        assertEquals(50.0, second.cpuPercent(), 1e-9);
        assertEquals(1000.0, second.netRx(), 1e-9);
        assertEquals(500.0, second.netTx(), 1e-9);
        assertEquals(4000.0, second.blockRead(), 1e-9);
        assertEquals(0.0, second.blockWrite(), 1e-9);

        Instant t20 = t10.plusSeconds(10);
        Sample afterRestart = collector.sample(new MetricsCollector.Read(t, reading(t20, 1_000_000_000L,
                140_000_000_000L, 100, 10), t20));
        assertNull(afterRestart.netRx(), "counters reset: no rate");
        assertEquals(10.0, afterRestart.cpuPercent(), 1e-9, "CPU falls back to the reading's own precpu");
    }
}
