package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorldTest {

    private static String render(World world) {
        StringBuilder all = new StringBuilder();
        for (SimWorldServer server : world.servers()) {
            all.append(server.apiKey()).append(SimulatorFixture.text(SimulatorFixture.get(world, server,
                    "/api/endpoints", "edgeDeviceUntrusted=false", SimulatorFixture.EPOCH)));
            for (SimEndpoint e : server.endpoints()) {
                all.append(SimulatorFixture.text(SimulatorFixture.get(world, server,
                        "/api/endpoints/" + e.id() + "/docker/containers/json", "all=1", SimulatorFixture.EPOCH)));
            }
            all.append(SimulatorFixture.text(SimulatorFixture.get(world, server, "/api/stacks", null,
                    SimulatorFixture.EPOCH)));
        }
        return all.toString();
    }

    @Test
    void sameSeedGivesTheSameWorld() {
        String first = render(SimulatorFixture.world(2, 15, 8, false, 42));
        String second = render(SimulatorFixture.world(2, 15, 8, false, 42));
        assertEquals(first, second);
        assertNotEquals(first, render(SimulatorFixture.world(2, 15, 8, false, 43)));
    }

    @Test
    void everyKindOfEndpointExistsOnEveryServer() {
        World world = SimulatorFixture.world(2, 12, 6, false, 42);
        long now = SimulatorFixture.EPOCH / 1000;
        for (SimWorldServer server : world.servers()) {
            Set<String> kinds = new HashSet<>();
            for (SimEndpoint e : server.endpoints()) {
                kinds.add(e.type() + (e.async() ? "a" : "") + (e.untrusted() ? "u" : "")
                        + (e.edge() && e.edgeId() == null ? "n" : "") + (e.down() ? "d" : "")
                        + (e.edge() && e.edgeId() != null && !world.heartbeat(e, now) ? "o" : ""));
            }
            assertTrue(kinds.containsAll(Set.of("1", "2", "4", "4a", "4u", "4n", "2d", "4o")), kinds.toString());
        }
    }

    @Test
    void apiKeysHavePortainerFormat() {
        String key = World.apiKey(42, 1);
        assertTrue(key.startsWith("ptr_"));
        assertEquals(48, key.length());
        assertNotEquals(key, World.apiKey(42, 2));
    }

    @Test
    void containersCoverTheDockerStates() {
        World world = SimulatorFixture.world(1, 30, 30, false, 42);
        Set<String> states = new HashSet<>();
        Set<String> health = new HashSet<>();
        for (SimEndpoint e : world.servers().get(0).endpoints()) {
            e.containers().forEach(c -> {
                states.add(c.runtime().state() + (c.runtime().state().equals("exited")
                        ? (c.runtime().exitCode() == 0 ? "0" : "!") : ""));
                String status = DockerJson.status(c.runtime(), SimulatorFixture.EPOCH);
                if (status.contains("(")) {
                    health.add(status.substring(status.lastIndexOf('(')));
                }
            });
        }
        assertTrue(states.containsAll(Set.of("running", "exited0", "exited!", "restarting", "paused", "dead",
                "created")), states.toString());
        assertTrue(health.containsAll(Set.of("(healthy)", "(unhealthy)", "(health: starting)", "(Paused)")),
                health.toString());
    }

    @Test
    void churnRestartsCrashLoopingContainers() {
        World world = SimulatorFixture.world(1, 20, 20, true, 42);
        var looping = world.servers().get(0).endpoints().stream().flatMap(e -> e.containers().stream())
                .filter(c -> c.churnKind == 1).findFirst().orElseThrow();
        int before = world.runtimeAt(looping, SimulatorFixture.EPOCH).restartCount();
        int later = world.runtimeAt(looping, SimulatorFixture.EPOCH + 10 * 60_000).restartCount();
        assertTrue(later > before, before + " -> " + later);
    }
}
