package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.SimulatorSettings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Builds worlds at a fixed epoch and calls the API in-process. */
final class SimulatorFixture {

    static final long EPOCH = 1_790_000_000_000L;

    private SimulatorFixture() {
    }

    static World world(int servers, int endpoints, int containers, boolean churn, long seed) {
        return World.build(new SimulatorSettings(servers, endpoints, containers, 0, 0, churn, seed, 0), EPOCH);
    }

    static SimulatedPortainerRoutes.Reply call(World world, SimWorldServer server, String method, String path, String query,
            Map<String, String> headers, long now) {
        return SimulatedPortainerRoutes.handle(world, server, new SimulatedPortainerRoutes.Request(method, path, query, name -> {
            for (Map.Entry<String, String> h : headers.entrySet()) {
                if (h.getKey().equalsIgnoreCase(name)) {
                    return h.getValue();
                }
            }
            return null;
        }), now);
    }

    static SimulatedPortainerRoutes.Reply get(World world, SimWorldServer server, String path, String query, long now) {
        return call(world, server, "GET", path, query, Map.of("X-API-Key", server.apiKey()), now);
    }

    static String text(SimulatedPortainerRoutes.Reply reply) {
        return reply.body() == null ? "" : new String(reply.body(), StandardCharsets.UTF_8);
    }

    static JsonStructure json(SimulatedPortainerRoutes.Reply reply) {
        return Json.createReader(new StringReader(text(reply))).read();
    }

    static JsonArray array(SimulatedPortainerRoutes.Reply reply) {
        return (JsonArray) json(reply);
    }

    static JsonObject object(SimulatedPortainerRoutes.Reply reply) {
        return (JsonObject) json(reply);
    }
}
