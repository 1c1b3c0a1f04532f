package io.fleetdashboard.metrics.control;

import io.fleetdashboard.portainer.entity.StatsReading;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The docker CLI's stats formulas (docker/cli stats_helpers.go; docs/portainer.md, "Container stats"), pure and
 * null-safe: Docker leaves figures out for stopped containers, for --network host and on Windows, and every division is guarded.
 */
public final class StatsFormulas {

    private StatsFormulas() {
    }

    /**
     * CPU% between two CPU readings: (cpuDelta / systemDelta) × onlineCPUs × 100, 0 unless both deltas are positive.
     * 100% is one full core. onlineCPUs falls back to the length of percpu_usage (cgroup v1), as the CLI does.
     */
    public static double cpuPercent(StatsReading.Cpu previous, StatsReading.Cpu current) {
        if (previous == null || current == null) {
            return 0.0;
        }
        double cpuDelta = (double) current.totalUsage() - previous.totalUsage();
        double systemDelta = (double) current.systemUsage() - previous.systemUsage();
        int cpus = current.onlineCpus() > 0 ? current.onlineCpus() : current.perCpuCount();
        if (systemDelta > 0 && cpuDelta > 0) {
            return cpuDelta / systemDelta * cpus * 100.0;
        }
        return 0.0;
    }

    /** CPU% from one stats object: cpu_stats against precpu_stats (stream=false fills both). */
    public static double cpuPercent(StatsReading reading) {
        return cpuPercent(reading.preCpu(), reading.cpu());
    }

    /**
     * Memory in use: usage − total_inactive_file (cgroup v1) when present and below usage, else usage − inactive_file
     * (cgroup v2) when below usage, else usage. Null when Docker gave no usage.
     */
    public static Long memoryUsed(StatsReading.Memory memory) {
        if (memory == null || memory.usage() == null) {
            return null;
        }
        long usage = memory.usage();
        if (memory.totalInactiveFile() != null) {
            if (memory.totalInactiveFile() < usage) {
                return usage - memory.totalInactiveFile();
            }
        } else if (memory.inactiveFile() != null && memory.inactiveFile() < usage) {
            return usage - memory.inactiveFile();
        }
        return usage;
    }

    /** used / limit × 100, 0 without a limit. */
    public static double memoryPercent(Long used, Long limit) {
        if (used == null || limit == null || limit == 0) {
            return 0.0;
        }
        return used.doubleValue() / limit.doubleValue() * 100.0;
    }

    public static long networkRx(StatsReading reading) {
        return reading.networks().stream().mapToLong(StatsReading.NetworkIo::rxBytes).sum();
    }

    public static long networkTx(StatsReading reading) {
        return reading.networks().stream().mapToLong(StatsReading.NetworkIo::txBytes).sum();
    }

    /** Sum of io_service_bytes_recursive values whose op starts with r/R. */
    public static long blockRead(StatsReading reading) {
        return blockSum(reading, 'r');
    }

    /** Sum of io_service_bytes_recursive values whose op starts with w/W. */
    public static long blockWrite(StatsReading reading) {
        return blockSum(reading, 'w');
    }

    private static long blockSum(StatsReading reading, char op) {
        return reading.blockIo().stream()
                .filter(b -> !b.op().isEmpty() && b.op().toLowerCase(Locale.ROOT).charAt(0) == op)
                .mapToLong(StatsReading.BlockIo::value).sum();
    }

    /**
     * Per-second rate of a cumulative counter between two readings. Null when there is no earlier reading, when the
     * time did not advance, or when the counter went down (the container restarted and its counters began again:
     * no honest rate for that interval).
     */
    public static Double rate(Long previous, long current, Instant previousAt, Instant currentAt) {
        if (previous == null || previousAt == null || currentAt == null) {
            return null;
        }
        long millis = Duration.between(previousAt, currentAt).toMillis();
        if (millis <= 0 || current < previous) {
            return null;
        }
        return (current - previous) * 1000.0 / millis;
    }
}
