package io.fleetdashboard.simulator.control;

import static io.fleetdashboard.simulator.control.SimulatorFixture.EPOCH;
import static io.fleetdashboard.simulator.control.SimulatorFixture.array;
import static io.fleetdashboard.simulator.control.SimulatorFixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.ServerTruth;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.Truth;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TruthCountTest {

    @Test
    void totalsAreTheSumOfTheServersAndDifferencesAddUp() {
        Truth truth = TruthCount.of(SimulatorFixture.world(3, 20, 10, false, 42), EPOCH);
        assertEquals(3, truth.environments());
        assertEquals(truth.servers().stream().mapToInt(ServerTruth::containersTotal).sum(), truth.containersTotal());
        assertEquals(truth.servers().stream().mapToInt(ServerTruth::stacks).sum(), truth.stacks());
        assertEquals(truth.endpointsTotal() - truth.endpointsOnline(), truth.endpointsOffline());
        assertEquals(truth.containersTotal() - truth.containersRunning(), truth.containersStopped());
        assertTrue(truth.containersHealthy() > 0 && truth.containersUnhealthy() > 0 && truth.containersRestarting() > 0);
    }

    /** Walks the simulated API like a dashboard: list, then containers and images per online endpoint. */
    @Test
    void truthMatchesWhatTheApiShows() {
        World world = SimulatorFixture.world(2, 20, 10, false, 42);
        Truth truth = TruthCount.of(world, EPOCH);
        int endpoints = 0;
        int online = 0;
        int containers = 0;
        int running = 0;
        int healthy = 0;
        int images = 0;
        Set<String> imageIds = new HashSet<>();
        Set<String> stacks = new HashSet<>();
        Set<String> managed = new HashSet<>();
        for (SimWorldServer server : world.servers()) {
            for (JsonValue v : array(get(world, server, "/api/endpoints", "excludeSnapshots=false", EPOCH))) {
                JsonObject e = v.asJsonObject();
                endpoints++;
                int id = e.getInt("Id");
                boolean edge = e.getInt("Type") == 4;
                boolean up = edge ? e.getBoolean("Heartbeat") : e.getInt("Status") == 1;
                if (!up) {
                    continue;
                }
                online++;
                var list = get(world, server, "/api/endpoints/" + id + "/docker/containers/json", "all=1", EPOCH);
                var imageList = get(world, server, "/api/endpoints/" + id + "/docker/images/json", null, EPOCH);
                JsonValue raw;
                JsonValue rawImages;
                if (list.status() == 200) {
                    raw = SimulatorFixture.json(list);
                    rawImages = SimulatorFixture.json(imageList);
                } else if (e.getJsonObject("Edge").getBoolean("AsyncMode") && !e.getJsonArray("Snapshots").isEmpty()) {
                    JsonObject snapshot = e.getJsonArray("Snapshots").getJsonObject(0).getJsonObject("DockerSnapshotRaw");
                    raw = snapshot.get("Containers");
                    rawImages = snapshot.get("Images");
                } else {
                    continue;
                }
                if (rawImages.getValueType() == JsonValue.ValueType.ARRAY) {
                    images += rawImages.asJsonArray().size();
                    rawImages.asJsonArray().forEach(i -> imageIds.add(i.asJsonObject().getString("Id")));
                }
                if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
                    continue;
                }
                for (JsonValue c : raw.asJsonArray()) {
                    JsonObject container = c.asJsonObject();
                    containers++;
                    running += container.getString("State").equals("running") ? 1 : 0;
                    healthy += container.getString("Status").endsWith("(healthy)") ? 1 : 0;
                    String project = container.getJsonObject("Labels").getString("com.docker.compose.project", null);
                    if (project != null) {
                        stacks.add(server.name() + "|" + id + "|" + project);
                    }
                }
            }
            for (JsonValue s : array(get(world, server, "/api/stacks", null, EPOCH))) {
                stacks.add(server.name() + "|" + s.asJsonObject().getInt("EndpointId") + "|"
                        + s.asJsonObject().getString("Name"));
                managed.add(server.name() + "|" + s.asJsonObject().getInt("EndpointId") + "|"
                        + s.asJsonObject().getString("Name"));
            }
        }
        assertEquals(truth.endpointsTotal(), endpoints);
        assertEquals(truth.endpointsOnline(), online);
        assertEquals(truth.containersTotal(), containers);
        assertEquals(truth.containersRunning(), running);
        assertEquals(truth.containersHealthy(), healthy);
        assertEquals(truth.images(), images);
        assertEquals(truth.stacks(), stacks.size());
        assertEquals(truth.imagesDistinct(), imageIds.size());
        assertTrue(truth.imagesDistinct() < truth.images(), "the same image on several endpoints has one id");
        assertEquals(truth.stacksPortainer(), managed.size());
        assertEquals(truth.stacks(), truth.stacksPortainer() + truth.composeProjectsUnmanaged());
    }
}
