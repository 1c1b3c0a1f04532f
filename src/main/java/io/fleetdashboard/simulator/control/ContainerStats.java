package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.Spike;
import java.time.Instant;

/**
 * {@code containers/{id}/stats?stream=false}. Counters are closed-form integrals of seeded rates, so they are
 * monotonic in time and consistent with the docker CLI formulas: system_cpu_usage advances by
 * online_cpus*1e9 per second, total_usage by (cores used)*1e9 per second, where cores used oscillates around the
 * container's seeded average (never negative). Network and block IO grow at seeded constant rates, integrated
 * per millisecond (so a rate over any interval is exact). A {@link Spike} multiplies a metric's rate (cpu, net,
 * block: the extra integral over the overlap of the spike with [start, t]) or its level (memory) while it lasts.
 */
public final class ContainerStats {

    private ContainerStats() {
    }

    /** Cores in use (1.0 = one full core) integrated from the container start to t, in core-nanoseconds. */
    static long cpuNanos(SimContainer c, int onlineCpus, long startedMillis, long tMillis) {
        // peak rate is 1.5x the average: keep it below the host's cores so CPU% stays within online_cpus*100
        double average = Math.min(c.cpuCores, onlineCpus / 1.6);
        double seconds = Math.max(0, tMillis - startedMillis) / 1000.0;
        double period = 120 + Math.floorMod(c.randomBits >>> 5, 480L);
        double phase = Seeds.unit(c.randomBits >>> 9) * 2 * Math.PI;
        double w = 2 * Math.PI / period;
        // rate(s) = avg * (1 + 0.5 sin(w s + phase)) >= avg/2 > 0
        double integral = average * (seconds - 0.5 / w * (Math.cos(w * seconds + phase) - Math.cos(phase)));
        return (long) (integral * 1e9);
    }

    /** Extra core-nanoseconds a cpu spike adds; the spiked rate stays below the host's cores. */
    static long spikeCpuNanos(SimContainer c, int onlineCpus, long startedMillis, long tMillis, Spike spike) {
        if (spike == null || !spike.metric().equals("cpu")) {
            return 0;
        }
        double average = Math.min(c.cpuCores, onlineCpus / 1.6);
        double extraRate = Math.max(0, Math.min(average * spike.factor(), onlineCpus * 0.95) - average);
        return (long) (extraRate * spike.overlapMillis(startedMillis, tMillis) * 1e6);
    }

    /** A counter growing at perSecond, spiked when the spike names this metric. */
    static long counter(long perSecond, long startedMillis, long tMillis, Spike spike, String metric) {
        long millis = Math.max(0, tMillis - startedMillis);
        double value = perSecond * millis / 1000.0;
        if (spike != null && spike.metric().equals(metric)) {
            value += perSecond * Math.max(0, spike.factor() - 1) * spike.overlapMillis(startedMillis, tMillis) / 1000.0;
        }
        return (long) value;
    }

    static long systemNanos(SimEndpoint e, long tMillis) {
        return (long) e.ncpu() * 1_000_000L * (tMillis - e.bootTime() * 1000);
    }

    static long memoryUsage(SimContainer c, long tMillis) {
        double wobble = 1 + 0.1 * Math.sin(tMillis / 60_000.0 + Seeds.unit(c.randomBits) * 6);
        long usage = (long) (c.memoryBase * wobble);
        return c.memoryLimit > 0 ? Math.min(usage, c.memoryLimit - 4096) : usage;
    }

    static long rate(SimContainer c, int salt, long max) {
        return 1 + Math.floorMod(Seeds.mix(c.randomBits, salt), max);
    }

    public static String json(SimContainer c, ContainerRuntime rt, SimEndpoint e, long nowMillis) {
        return json(c, rt, e, nowMillis, null);
    }

    public static String json(SimContainer c, ContainerRuntime rt, SimEndpoint e, long nowMillis, Spike spike) {
        JsonText j = new JsonText(new StringBuilder(2048));
        boolean live = rt.state().equals("running") || rt.state().equals("paused");
        j.obj().str("name", "/" + c.name).str("id", c.id);
        if (!live) {
            // docker: a stopped or restarting container yields only name and id, zero figures, empty memory stats
            j.str("read", DockerJson.ZERO_TIME).str("preread", DockerJson.ZERO_TIME).obj("pids_stats").endObj();
            blkio(j, 0, 0, true);
            j.num("num_procs", 0).obj("storage_stats").endObj();
            j.obj("cpu_stats").obj("cpu_usage").num("total_usage", 0).num("usage_in_kernelmode", 0)
                    .num("usage_in_usermode", 0).endObj().obj("throttling_data").num("periods", 0)
                    .num("throttled_periods", 0).num("throttled_time", 0).endObj().endObj();
            j.obj("precpu_stats").obj("cpu_usage").num("total_usage", 0).num("usage_in_kernelmode", 0)
                    .num("usage_in_usermode", 0).endObj().obj("throttling_data").num("periods", 0)
                    .num("throttled_periods", 0).num("throttled_time", 0).endObj().endObj();
            j.obj("memory_stats").endObj().endObj();
            return j.toString();
        }
        long read = nowMillis;
        long preread = nowMillis - 1000;
        j.str("read", Instant.ofEpochMilli(read).plusNanos(123_456).toString())
                .str("preread", Instant.ofEpochMilli(preread).plusNanos(113_456).toString());
        j.obj("pids_stats").num("current", 3 + Math.floorMod(c.randomBits >>> 13, 40L))
                .name("limit").raw("18446744073709551615").endObj();
        long up = Math.max(0, read - rt.startedAt()) / 1000;
        blkio(j, counter(rate(c, 1, 50_000), rt.startedAt(), read, spike, "block"),
                counter(rate(c, 2, 200_000), rt.startedAt(), read, spike, "block"), false);
        j.num("num_procs", 0).obj("storage_stats").endObj();
        cpu(j, "cpu_stats", c, rt, e, read, spike);
        cpu(j, "precpu_stats", c, rt, e, preread, spike);
        long usage = memoryUsage(c, read);
        if (spike != null && spike.metric().equals("memory") && spike.active(read)) {
            long spiked = (long) (usage * spike.factor());
            usage = c.memoryLimit > 0 ? Math.min(spiked, c.memoryLimit - 4096) : Math.min(spiked, e.memTotal());
        }
        long limit = c.memoryLimit > 0 ? c.memoryLimit : e.memTotal();
        long inactive = usage / 8;
        j.obj("memory_stats").num("usage", usage);
        if (e.cgroupVersion() == 1) {
            j.num("max_usage", usage + usage / 5);
        }
        j.obj("stats");
        if (e.cgroupVersion() == 1) {
            j.num("active_anon", usage / 2).num("active_file", usage / 8).num("cache", usage / 4)
                    .num("hierarchical_memory_limit", limit).num("inactive_anon", 0).num("inactive_file", inactive)
                    .num("mapped_file", usage / 20).num("pgfault", up * 11).num("pgmajfault", 0)
                    .num("pgpgin", up * 7).num("pgpgout", up * 6).num("rss", usage * 3 / 4).num("rss_huge", 0)
                    .num("total_active_anon", usage / 2).num("total_active_file", usage / 8).num("total_cache", usage / 4)
                    .num("total_inactive_anon", 0).num("total_inactive_file", inactive)
                    .num("total_mapped_file", usage / 20).num("total_pgfault", up * 11).num("total_pgmajfault", 0)
                    .num("total_rss", usage * 3 / 4).num("total_unevictable", 0).num("unevictable", 0);
        } else {
            j.num("active_anon", usage / 2).num("active_file", usage / 8).num("anon", usage * 3 / 4)
                    .num("anon_thp", 0).num("file", usage / 4).num("file_dirty", 0).num("file_mapped", usage / 20)
                    .num("file_writeback", 0).num("inactive_anon", usage / 4).num("inactive_file", inactive)
                    .num("kernel_stack", 16384 * 4).num("pgactivate", up).num("pgdeactivate", 0).num("pgfault", up * 11)
                    .num("pglazyfree", 0).num("pglazyfreed", 0).num("pgmajfault", 0).num("pgrefill", 0)
                    .num("shmem", 0).num("slab", usage / 50).num("slab_reclaimable", usage / 80)
                    .num("slab_unreclaimable", usage / 120).num("sock", 0).num("unevictable", 0)
                    .num("workingset_activate", 0).num("workingset_nodereclaim", 0).num("workingset_refault", 0);
        }
        j.endObj();
        if (e.cgroupVersion() == 1) {
            j.num("failcnt", 0);
        }
        j.num("limit", limit).endObj();
        if (!c.network.equals("host")) {
            long rx = counter(rate(c, 3, 20_000), rt.startedAt(), read, spike, "net");
            long tx = counter(rate(c, 4, 10_000), rt.startedAt(), read, spike, "net");
            j.obj("networks").obj("eth0").num("rx_bytes", rx).num("rx_packets", rx / 700).num("rx_errors", 0)
                    .num("rx_dropped", 0).num("tx_bytes", tx).num("tx_packets", tx / 600).num("tx_errors", 0)
                    .num("tx_dropped", 0).endObj().endObj();
        }
        j.endObj();
        return j.toString();
    }

    private static void blkio(JsonText j, long read, long write, boolean empty) {
        j.obj("blkio_stats");
        if (empty) {
            j.nul("io_service_bytes_recursive");
        } else {
            j.arr("io_service_bytes_recursive").obj().num("major", 8).num("minor", 0).str("op", "read").num("value", read)
                    .endObj().obj().num("major", 8).num("minor", 0).str("op", "write").num("value", write).endObj()
                    .endArr();
        }
        j.nul("io_serviced_recursive").nul("io_queue_recursive").nul("io_service_time_recursive")
                .nul("io_wait_time_recursive").nul("io_merged_recursive").nul("io_time_recursive")
                .nul("sectors_recursive").endObj();
    }

    private static void cpu(JsonText j, String name, SimContainer c, ContainerRuntime rt, SimEndpoint e, long t,
                            Spike spike) {
        // a paused container uses no CPU: freeze its counter at the pause (approximated by the container start)
        long total = rt.state().equals("paused") ? 0 : cpuNanos(c, e.ncpu(), rt.startedAt(), t)
                + spikeCpuNanos(c, e.ncpu(), rt.startedAt(), t, spike);
        long kernel = total / 5;
        j.obj(name).obj("cpu_usage").num("total_usage", total);
        if (e.cgroupVersion() == 1) {
            j.arr("percpu_usage");
            long left = total;
            for (int i = 0; i < e.ncpu(); i++) {
                long share = i == e.ncpu() - 1 ? left : total / e.ncpu();
                j.val(share);
                left -= share;
            }
            j.endArr();
        }
        j.num("usage_in_kernelmode", kernel).num("usage_in_usermode", total - kernel).endObj()
                .num("system_cpu_usage", systemNanos(e, t)).num("online_cpus", e.ncpu())
                .obj("throttling_data").num("periods", 0).num("throttled_periods", 0).num("throttled_time", 0).endObj()
                .endObj();
    }
}
