package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.SimulatorSettings;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostileWorldTest {

    private static World world(boolean hostile) {
        return World.build(new SimulatorSettings(2, 3, 4, 0, 0, false, 42, 0, hostile), SimulatorFixture.EPOCH);
    }

    @Test
    void offByDefaultTheWorldHasNoHostileContainer() {
        World world = World.build(new SimulatorSettings(2, 3, 4, 0, 0, false, 42, 0), SimulatorFixture.EPOCH);
        assertFalse(world.settings().hostile());
        world.servers().forEach(s -> s.endpoints().forEach(e -> e.containers().forEach(c ->
                assertFalse(Hostile.is(c), c.name))));
    }

    @Test
    void onTheFirstEndpointOfTheFirstServerCarriesEveryPayloadEverywhere() {
        World world = world(true);
        SimWorldServer server = world.server("sim-1");
        List<SimContainer> hostile = server.endpoints().get(0).containers().stream().filter(Hostile::is).toList();
        assertEquals(Hostile.NAMES, hostile.stream().map(c -> c.name).toList());
        assertTrue(server.endpoints().get(0).name().endsWith(Hostile.ENDPOINT_SUFFIX));
        assertTrue(world.server("sim-2").endpoints().stream().flatMap(e -> e.containers().stream())
                .noneMatch(Hostile::is), "one endpoint only");
        for (String project : Hostile.PROJECTS) {
            assertTrue(server.stacks().stream().anyMatch(s -> s.name().equals(project)), "a stack " + project);
        }

        var reply = SimulatorFixture.get(world, server, "/api/endpoints/1/docker/containers/json", "all=1",
                SimulatorFixture.EPOCH);
        List<JsonObject> listed = SimulatorFixture.array(reply).stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getJsonObject("Labels").containsKey(Hostile.MARKER)).toList();
        assertEquals(Hostile.NAMES.size(), listed.size());
        assertTrue(listed.stream().anyMatch(c -> c.getString("Image").equals(Hostile.IMAGES.get(0))));
        assertTrue(listed.stream().anyMatch(c -> c.getJsonArray("Names").getString(0).equals("/" + Hostile.LONG_NAME)));

        SimContainer first = hostile.get(0);
        JsonObject inspect = SimulatorFixture.object(SimulatorFixture.get(world, server,
                "/api/endpoints/1/docker/containers/" + first.id + "/json", null, SimulatorFixture.EPOCH));
        assertTrue(inspect.getJsonObject("Config").getJsonArray("Env").getValuesAs(jakarta.json.JsonString.class)
                .stream().anyMatch(v -> v.getString().startsWith("CTL=\u0000")), "control characters survive JSON");
        String logs = SimulatorFixture.text(SimulatorFixture.get(world, server, "/api/endpoints/1/docker/containers/"
                + first.id + "/logs", "stdout=1&stderr=1&tail=16", SimulatorFixture.EPOCH + 3_600_000L));
        assertTrue(logs.contains("<script>window.__pwned=1</script>"), logs);
        assertTrue(logs.contains("w".repeat(10_000)), "a 10,000-character line");
    }
}
