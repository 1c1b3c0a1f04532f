package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.portainer.control.wire.Wire;
import io.fleetdashboard.portainer.entity.StatsReading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsTranslationTest {

    static final String RUNNING_V2 = """
            {"name":"/shop-web-1","id":"3f1c","read":"2024-10-23T18:23:25.123456789Z",
             "preread":"2024-10-23T18:23:24.113456789Z",
             "pids_stats":{"current":9,"limit":18446744073709551615},
             "blkio_stats":{"io_service_bytes_recursive":[{"major":8,"minor":0,"op":"read","value":1234567},
                {"major":8,"minor":0,"op":"write","value":7654321}],"io_serviced_recursive":null},
             "num_procs":0,"storage_stats":{},
             "cpu_stats":{"cpu_usage":{"total_usage":123606789012,"usage_in_kernelmode":23466789012},
                "system_cpu_usage":98765436100000000,"online_cpus":4},
             "precpu_stats":{"cpu_usage":{"total_usage":123356789012},"system_cpu_usage":98765432100000000,
                "online_cpus":4},
             "memory_stats":{"usage":268435456,"limit":1073741824,"stats":{"anon":201326592,
                "inactive_file":16777216,"huge":18446744073709551615}},
             "networks":{"eth0":{"rx_bytes":123456789,"tx_bytes":98765432},"eth1":{"rx_bytes":11,"tx_bytes":22}}}
            """;

    static final String STOPPED = """
            {"name":"/db","id":"9a","read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z",
             "pids_stats":{},"blkio_stats":{"io_service_bytes_recursive":null},"num_procs":0,"storage_stats":{},
             "cpu_stats":{"cpu_usage":{"total_usage":0},"throttling_data":{}},
             "precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{}}
            """;

    @Test
    void runningContainerStatsBecomeRawCounters() {
        StatsReading r = Translation.stats(WireJson.parse(RUNNING_V2, Wire.Stats.class));
        assertFalse(r.empty());
        assertEquals(Instant.parse("2024-10-23T18:23:25.123456789Z"), r.read());
        assertEquals(123_606_789_012L, r.cpu().totalUsage());
        assertEquals(98_765_432_100_000_000L, r.preCpu().systemUsage());
        assertEquals(4, r.cpu().onlineCpus());
        assertEquals(268_435_456L, r.memory().usage());
        assertEquals(16_777_216L, r.memory().inactiveFile());
        assertNull(r.memory().totalInactiveFile());
        assertEquals(2, r.networks().size());
        assertEquals(2, r.blockIo().size());
    }

    @Test
    void stoppedContainerIsEmpty() {
        StatsReading r = Translation.stats(WireJson.parse(STOPPED, Wire.Stats.class));
        assertTrue(r.empty());
        assertNull(r.read());
        assertNull(r.memory().usage());
        assertTrue(r.networks().isEmpty());
        assertTrue(r.blockIo().isEmpty());
    }
}
