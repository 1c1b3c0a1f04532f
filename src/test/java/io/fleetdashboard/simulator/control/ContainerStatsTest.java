package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ContainerStatsTest {

    private static JsonObject stats(World world, SimContainer c, SimEndpoint e, long now) {
        return Json.createReader(new StringReader(ContainerStats.json(c, world.runtimeAt(c, now), e, now))).readObject();
    }

    /** docker CLI: (cpuDelta / systemDelta) * onlineCPUs * 100. */
    static double cpuPercent(JsonObject s) {
        if (!s.getJsonObject("cpu_stats").containsKey("system_cpu_usage")) {
            return 0.0; // stopped container: docker omits the system figures
        }
        double cpuDelta = s.getJsonObject("cpu_stats").getJsonObject("cpu_usage").getJsonNumber("total_usage").doubleValue()
                - s.getJsonObject("precpu_stats").getJsonObject("cpu_usage").getJsonNumber("total_usage").doubleValue();
        double systemDelta = s.getJsonObject("cpu_stats").getJsonNumber("system_cpu_usage").doubleValue()
                - s.getJsonObject("precpu_stats").getJsonNumber("system_cpu_usage").doubleValue();
        int online = s.getJsonObject("cpu_stats").getInt("online_cpus");
        return systemDelta > 0 && cpuDelta > 0 ? cpuDelta / systemDelta * online * 100.0 : 0.0;
    }

    @Test
    void countersAreMonotonicAndCpuPercentStaysWithinTheHostsCores() {
        World world = SimulatorFixture.world(1, 12, 20, false, 42);
        int checked = 0;
        for (SimEndpoint e : world.servers().get(0).endpoints()) {
            for (SimContainer c : e.containers()) {
                if (!c.runtime().state().equals("running")) {
                    continue;
                }
                long previousCpu = -1;
                long previousSystem = -1;
                long previousRx = -1;
                for (long t = SimulatorFixture.EPOCH; t < SimulatorFixture.EPOCH + 600_000; t += 37_000) {
                    JsonObject s = stats(world, c, e, t);
                    long cpu = s.getJsonObject("cpu_stats").getJsonObject("cpu_usage").getJsonNumber("total_usage")
                            .longValue();
                    long system = s.getJsonObject("cpu_stats").getJsonNumber("system_cpu_usage").longValue();
                    long rx = s.getJsonObject("networks").getJsonObject("eth0").getJsonNumber("rx_bytes").longValue();
                    assertTrue(cpu >= previousCpu && system > previousSystem && rx >= previousRx, c.name);
                    previousCpu = cpu;
                    previousSystem = system;
                    previousRx = rx;
                    double percent = cpuPercent(s);
                    assertTrue(percent >= 0 && percent <= e.ncpu() * 100.0, c.name + " " + percent);
                    long systemDelta = system - s.getJsonObject("precpu_stats").getJsonNumber("system_cpu_usage")
                            .longValue();
                    assertEquals(e.ncpu() * 1_000_000_000L, systemDelta);
                    JsonObject memory = s.getJsonObject("memory_stats");
                    assertTrue(memory.getJsonObject("stats").containsKey(e.cgroupVersion() == 1 ? "total_inactive_file"
                            : "inactive_file"));
                    checked++;
                }
            }
        }
        assertTrue(checked > 100, "checked " + checked);
    }

    @Test
    void stoppedContainersGiveANearlyEmptyObject() {
        World world = SimulatorFixture.world(1, 12, 20, false, 42);
        SimEndpoint e = world.servers().get(0).endpoint(1);
        SimContainer stopped = e.containers().stream().filter(c -> c.runtime().state().equals("exited")).findFirst()
                .orElseThrow();
        JsonObject s = stats(world, stopped, e, SimulatorFixture.EPOCH);
        assertEquals("0001-01-01T00:00:00Z", s.getString("read"));
        assertTrue(s.getJsonObject("memory_stats").isEmpty());
        assertEquals(0.0, cpuPercent(s));
    }
}
