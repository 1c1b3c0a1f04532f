package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.List;

/**
 * One Docker stats sample of a container as read (containers/{id}/stats?stream=false), cumulative counters only:
 * the formulas (CPU%, memory used, rates) live in io.fleetdashboard.metrics.control.StatsFormulas. Any figure Docker
 * left out is null or empty; a stopped container gives {@link #empty()}.
 *
 * @param read   when Docker read the sample; null when Docker sent the zero time (stopped container)
 * @param cpu    cpu_stats, or null
 * @param preCpu precpu_stats (Docker's reading about one second earlier), or null
 */
public record StatsReading(Instant read, Cpu cpu, Cpu preCpu, Memory memory, List<NetworkIo> networks,
                           List<BlockIo> blockIo) {

    public StatsReading {
        networks = networks == null ? List.of() : List.copyOf(networks);
        blockIo = blockIo == null ? List.of() : List.copyOf(blockIo);
    }

    /** Nothing to compute from: Docker's answer for a container that is not running. */
    public boolean empty() {
        return read == null && (cpu == null || cpu.totalUsage() == 0) && (memory == null || memory.usage() == null);
    }

    /**
     * @param totalUsage  cpu_usage.total_usage, ns
     * @param systemUsage system_cpu_usage, ns (0 when missing)
     * @param onlineCpus  online_cpus (0 when missing)
     * @param perCpuCount length of percpu_usage (cgroup v1), the CLI's fallback for online_cpus
     */
    public record Cpu(long totalUsage, long systemUsage, int onlineCpus, int perCpuCount) {
    }

    /**
     * @param totalInactiveFile cgroup v1 stats.total_inactive_file, or null
     * @param inactiveFile      cgroup v2 stats.inactive_file, or null
     */
    public record Memory(Long usage, Long limit, Long totalInactiveFile, Long inactiveFile) {
    }

    public record NetworkIo(String name, long rxBytes, long txBytes) {
    }

    /** One io_service_bytes_recursive entry: op as Docker spells it ("read", "Read", "write", ...). */
    public record BlockIo(String op, long value) {
    }
}
