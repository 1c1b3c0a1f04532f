package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.Truth;
import org.junit.jupiter.api.Test;

/** The benchmark shape: 5 servers x 200 endpoints x ~50 containers, served from the compact model. */
class LargeWorldTest {

    @Test
    void fiftyThousandContainersBuildAndServe() {
        long t0 = System.nanoTime();
        World world = SimulatorFixture.world(5, 200, 50, true, 42);
        long built = System.nanoTime();
        int containers = 0;
        long bytes = 0;
        for (SimWorldServer server : world.servers()) {
            for (SimEndpoint e : server.endpoints()) {
                containers += e.containers().size();
            }
        }
        SimWorldServer server = world.servers().get(0);
        for (SimEndpoint e : server.endpoints()) {
            var reply = SimulatorFixture.get(world, server, "/api/endpoints/" + e.id() + "/docker/containers/json",
                    "all=1", SimulatorFixture.EPOCH);
            bytes += reply.body() == null ? 0 : reply.body().length;
        }
        var list = SimulatorFixture.get(world, server, "/api/endpoints", "limit=0", SimulatorFixture.EPOCH);
        assertEquals(200, list.status());
        Truth truth = TruthCount.of(world, SimulatorFixture.EPOCH);
        long done = System.nanoTime();
        System.out.printf("built %d containers in %d ms; server 1: %d KB of containers/json, %d KB endpoint list "
                + "with snapshots; total %d ms%n", containers, (built - t0) / 1_000_000, bytes / 1024,
                list.body().length / 1024, (done - t0) / 1_000_000);
        assertTrue(containers > 40_000 && containers < 60_000, "containers " + containers);
        assertTrue(truth.containersTotal() > 0);
    }
}
