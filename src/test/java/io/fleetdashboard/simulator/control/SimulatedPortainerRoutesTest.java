package io.fleetdashboard.simulator.control;

import static io.fleetdashboard.simulator.control.SimulatorFixture.EPOCH;
import static io.fleetdashboard.simulator.control.SimulatorFixture.array;
import static io.fleetdashboard.simulator.control.SimulatorFixture.get;
import static io.fleetdashboard.simulator.control.SimulatorFixture.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedPortainerRoutesTest {

    private final World world = SimulatorFixture.world(1, 40, 5, false, 7);
    private final SimWorldServer server = world.servers().get(0);

    private List<Integer> ids(String query) {
        List<Integer> ids = new ArrayList<>();
        for (JsonValue v : array(get(world, server, "/api/endpoints", query, EPOCH))) {
            ids.add(v.asJsonObject().getInt("Id"));
        }
        return ids;
    }

    @Test
    void pagesConcatenateToTheFullListWithoutOverlap() {
        List<Integer> all = ids("excludeSnapshots=true");
        for (int limit = 1; limit <= 13; limit++) {
            List<Integer> pages = new ArrayList<>();
            for (int start = 1; start <= all.size(); start += limit) {
                pages.addAll(ids("excludeSnapshots=true&start=" + start + "&limit=" + limit));
            }
            assertEquals(all, pages, "limit " + limit);
        }
        assertEquals(ids("excludeSnapshots=true&start=0&limit=5"), ids("excludeSnapshots=true&start=1&limit=5"));
        assertEquals(List.of(), ids("excludeSnapshots=true&start=" + (all.size() + 1) + "&limit=5"));
        assertEquals(all.subList(2, all.size()), ids("excludeSnapshots=true&start=3&limit=0"));
    }

    @Test
    void totalCountIsAfterFiltersAndUntrustedEdgeIsHidden() {
        var reply = get(world, server, "/api/endpoints", "excludeSnapshots=true&limit=3", EPOCH);
        long untrusted = server.endpoints().stream().filter(SimEndpoint::untrusted).count();
        assertTrue(untrusted > 0);
        assertEquals(Long.toString(server.endpoints().size() - untrusted), reply.headers().get("X-Total-Count"));
        assertEquals(Integer.toString(server.endpoints().size()), reply.headers().get("X-Total-Available"));
        assertEquals(3, array(reply).size());
        assertEquals((int) untrusted, ids("edgeDeviceUntrusted=true&excludeSnapshots=true").size());
    }

    @Test
    void arrayParametersNeedBrackets() {
        List<Integer> edge = ids("types[]=4&excludeSnapshots=true");
        assertTrue(edge.stream().allMatch(id -> server.endpoint(id).type() == 4));
        assertEquals(ids("excludeSnapshots=true"), ids("types=4&excludeSnapshots=true"));
        assertEquals(400, get(world, server, "/api/endpoints", "types[]=x", EPOCH).status());
    }

    @Test
    void statusFilterUsesTheHeartbeatForEdge() {
        for (int id : ids("status[]=2&excludeSnapshots=true")) {
            SimEndpoint e = server.endpoint(id);
            assertTrue(e.edge() ? !world.heartbeat(e, EPOCH / 1000) : e.down(), e.name());
        }
    }

    @Test
    void listDefaultsTheCheckinIntervalButInspectDoesNot() {
        SimEndpoint edge = server.endpoints().stream().filter(e -> e.edge() && e.checkinInterval() == 0 && !e.untrusted())
                .findFirst().orElseThrow();
        JsonObject listed = array(get(world, server, "/api/endpoints", "excludeSnapshots=true", EPOCH)).stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getInt("Id") == edge.id()).findFirst().orElseThrow();
        assertEquals(5, listed.getInt("EdgeCheckinInterval"));
        JsonObject inspected = object(get(world, server, "/api/endpoints/" + edge.id(), "excludeSnapshot=true", EPOCH));
        assertEquals(0, inspected.getInt("EdgeCheckinInterval"));
        assertEquals(404, get(world, server, "/api/endpoints/9999", null, EPOCH).status());
    }

    @Test
    void snapshotsAreIncludedUnlessExcluded() {
        JsonObject first = array(get(world, server, "/api/endpoints", "limit=1", EPOCH)).getJsonObject(0);
        JsonObject snapshot = first.getJsonArray("Snapshots").getJsonObject(0);
        assertTrue(snapshot.containsKey("DockerSnapshotRaw"));
        assertTrue(snapshot.containsKey("RunningContainerCount"));
        JsonObject bare = array(get(world, server, "/api/endpoints", "limit=1&excludeSnapshots=true", EPOCH))
                .getJsonObject(0);
        assertTrue(bare.getJsonArray("Snapshots").isEmpty());
    }

    @Test
    void authenticationErrorsUsePortainerEnvelopes() {
        var missing = SimulatorFixture.call(world, server, "GET", "/api/endpoints", null, Map.of(), EPOCH);
        assertEquals(401, missing.status());
        assertEquals("A valid authorization token is missing", object(missing).getString("message"));
        var wrong = SimulatorFixture.call(world, server, "GET", "/api/endpoints", null, Map.of("x-api-key", "ptr_x"),
                EPOCH);
        assertEquals("Invalid JWT token", object(wrong).getString("message"));
        assertEquals("Unauthorized", object(wrong).getString("details"));
        var both = SimulatorFixture.call(world, server, "GET", "/api/endpoints", null,
                Map.of("X-API-KEY", server.apiKey(), "Authorization", "Bearer x"), EPOCH);
        assertEquals(403, both.status());
        var query = SimulatorFixture.call(world, server, "GET", "/api/tags", "X-Api-Key="
                + java.net.URLEncoder.encode(server.apiKey(), java.nio.charset.StandardCharsets.UTF_8), Map.of(), EPOCH);
        assertEquals(200, query.status());
        assertTrue(array(query).getJsonObject(0).containsKey("ID"));
        assertEquals(200, SimulatorFixture.call(world, server, "GET", "/api/system/status", null, Map.of(), EPOCH)
                .status());
    }

    @Test
    void dockerProxyErrorsFollowPortainer() {
        for (SimEndpoint e : server.endpoints()) {
            var reply = get(world, server, "/api/endpoints/" + e.id() + "/docker/v1.41/containers/json", null, EPOCH);
            if (e.edge() && e.edgeId() == null) {
                assertEquals(500, reply.status());
                assertEquals("No Edge agent registered with the environment", object(reply).getString("message"));
            } else if (e.async()) {
                assertEquals(500, reply.status());
                assertEquals("Cannot open a tunnel for async edge environments", object(reply).getString("details"));
            } else if (e.down()) {
                assertEquals(502, reply.status());
                assertNull(reply.body());
            } else if (e.edge() && !world.heartbeat(e, EPOCH / 1000)) {
                assertEquals("Unable to get the active tunnel", object(reply).getString("message"));
                assertTrue(reply.delayMs() > 0);
            } else if (!e.untrusted()) {
                assertEquals(200, reply.status(), e.name());
                assertEquals("Docker/27.3.1 (linux)", reply.headers().get("Server"));
            }
        }
    }

    @Test
    void containerActionsChangeStateAndAnswer304WhenNothingToDo() {
        SimEndpoint e = server.endpoint(1);
        var c = e.containers().stream().filter(x -> x.runtime().state().equals("running")).findFirst().orElseThrow();
        String base = "/api/endpoints/1/docker/containers/" + c.id;
        Map<String, String> key = Map.of("X-API-Key", server.apiKey());
        assertEquals(304, SimulatorFixture.call(world, server, "POST", base + "/start", null, key, EPOCH).status());
        assertEquals(204, SimulatorFixture.call(world, server, "POST", base + "/stop", null, key, EPOCH).status());
        assertEquals("exited", object(get(world, server, base + "/json", null, EPOCH)).getJsonObject("State")
                .getString("Status"));
        assertEquals(304, SimulatorFixture.call(world, server, "POST", base + "/stop", null, key, EPOCH).status());
        assertEquals(204, SimulatorFixture.call(world, server, "POST", base + "/restart", null, key, EPOCH).status());
        assertTrue(object(get(world, server, base + "/json", null, EPOCH)).getJsonObject("State").getBoolean("Running"));
        var dockerError = get(world, server, "/api/endpoints/1/docker/containers/nope/json", null, EPOCH);
        assertEquals(404, dockerError.status());
        assertFalse(object(dockerError).containsKey("details"));
    }

    @Test
    void inspectHasTheFieldsADashboardReads() {
        var c = server.endpoint(1).containers().get(0);
        JsonObject inspect = object(get(world, server, "/api/endpoints/1/docker/containers/" + c.id.substring(0, 12)
                + "/json", null, EPOCH));
        assertEquals("/" + c.name, inspect.getString("Name"));
        assertTrue(inspect.getString("Created").endsWith("Z"));
        assertTrue(inspect.getJsonObject("Config").getJsonArray("Env").size() > 2);
        assertTrue(inspect.getJsonObject("HostConfig").containsKey("Privileged"));
        assertTrue(inspect.getJsonObject("NetworkSettings").containsKey("Networks"));
    }

    @Test
    void killEndsARunningContainerWith137AndRefusesAStoppedOne() {
        var c = server.endpoint(1).containers().stream().filter(x -> x.initial.state().equals("running"))
                .findFirst().orElseThrow();
        String base = "/api/endpoints/1/docker/containers/" + c.id;
        Map<String, String> key = Map.of("X-API-Key", server.apiKey());
        assertEquals(204, SimulatorFixture.call(world, server, "POST", base + "/kill", null, key, EPOCH).status());
        JsonObject state = object(get(world, server, base + "/json", null, EPOCH)).getJsonObject("State");
        assertEquals("exited", state.getString("Status"));
        assertEquals(137, state.getInt("ExitCode"));
        assertFalse(state.getBoolean("OOMKilled"), "a kill by a user is no OOM kill");
        var refused = SimulatorFixture.call(world, server, "POST", base + "/kill", null, key, EPOCH);
        assertEquals(409, refused.status());
        assertTrue(object(refused).getString("message").contains("is not running"));
    }

    @Test
    void theFleetHasEveryRiskTheDetailsPageLooksFor() {
        World big = SimulatorFixture.world(1, 25, 12, false, 42);
        boolean socket = false, privileged = false, crashLoop = false, oom = false, caps = false, secret = false;
        for (var e : big.servers().get(0).endpoints()) {
            for (var c : e.containers()) {
                socket |= DockerJson.dockerSocket(c);
                privileged |= c.privileged;
                caps |= c.capAdd.contains("ALL") || c.capAdd.stream().anyMatch(cap -> cap.startsWith("CAP_"));
                crashLoop |= c.initial.state().equals("restarting") && c.initial.restartCount() > 0;
                oom |= DockerJson.oomKilled(c, c.initial);
                secret |= DockerJson.env(c).stream().anyMatch(v -> v.startsWith("UPSTREAM_SESSION=eyJ"));
            }
        }
        assertTrue(socket && privileged && crashLoop && oom && caps && secret,
                List.of(socket, privileged, crashLoop, oom, caps, secret).toString());
    }

    @Test
    void versionPrefixIsJudgedByTheDaemon() {
        assertEquals(200, get(world, server, "/api/endpoints/1/docker/v1.41/_ping", null, EPOCH).status());
        var tooNew = get(world, server, "/api/endpoints/1/docker/v1.52/containers/json", null, EPOCH);
        assertEquals(400, tooNew.status());
        assertTrue(object(tooNew).getString("message").contains("is too new"));
        assertEquals(400, get(world, server, "/api/endpoints/1/docker/v1.12/info", null, EPOCH).status());
    }

    @Test
    void tagFiltersMatchAllOrAnyOf() {
        for (int id : ids("tagIds[]=1&tagIds[]=2&excludeSnapshots=true")) {
            assertTrue(server.endpoint(id).tagIds().containsAll(List.of(1, 2)));
        }
        for (int id : ids("tagIds[]=1&tagIds[]=2&tagsPartialMatch=true&excludeSnapshots=true")) {
            assertTrue(server.endpoint(id).tagIds().contains(1) || server.endpoint(id).tagIds().contains(2));
        }
        assertFalse(ids("excludeIds[]=1&excludeSnapshots=true").contains(1));
    }
}
