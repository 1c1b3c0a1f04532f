package it.io.fleetdashboard.containers;

import static it.io.fleetdashboard.containers.Containers.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/containers/{key}: Docker's inspect through the gateway, checked against the simulated Docker. */
class ContainerDetailsIT {

    @BeforeAll
    static void knownWorld() {
        Api.simulator("config", Api.DEFAULT_WORLD);
        Api.simulator("reset", "{}");
        Api.refresh();
    }

    static JsonObject details(String key) {
        return Api.object("/api/v1/containers/" + enc(key));
    }

    static List<String> checks(JsonObject details) {
        return details.getJsonArray("posture").stream().map(JsonValue::asJsonObject).map(f -> f.getString("check"))
                .toList();
    }

    @Test
    void detailsMatchTheSimulatedDockerAndSecretsNeverLeave() {
        String key = Containers.find("running", i -> Containers.hasEnv(i, "DB_PASSWORD"));
        JsonObject truth = Api.simulatedDocker(key, "/json");
        HttpResponse<String> response = Api.get("/api/v1/containers/" + enc(key));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject details = Api.json(response.body()).asJsonObject();

        assertEquals("LIVE", details.getString("source"));
        JsonObject inspection = details.getJsonObject("inspection");
        assertEquals(truth.getString("Name").substring(1), inspection.getString("name"));
        assertEquals(truth.getInt("RestartCount"), inspection.getInt("restartCount"));
        assertEquals(truth.getJsonObject("HostConfig").getJsonObject("RestartPolicy").getString("Name"),
                inspection.getString("restartPolicy"));
        assertEquals(truth.getJsonObject("Config").getString("Image"), inspection.getString("image"));
        assertEquals(truth.getString("Image"), inspection.getString("imageId"));
        JsonObject network = truth.getJsonObject("NetworkSettings").getJsonObject("Networks").values().iterator()
                .next().asJsonObject();
        JsonObject shownNetwork = inspection.getJsonArray("networks").getJsonObject(0);
        assertEquals(network.getString("IPAddress"), shownNetwork.getString("ipAddress"));
        assertEquals(network.getString("Gateway"), shownNetwork.getString("gateway"));
        assertEquals(network.getString("MacAddress"), shownNetwork.getString("macAddress"));
        assertTrue(inspection.getJsonArray("env").isEmpty(), "the raw environment is never sent");
        assertTrue(details.containsKey("usage"), "a running container has live usage: " + details);

        for (String secret : List.of("DB_PASSWORD", "API_TOKEN", "UPSTREAM_SESSION")) {
            String value = Containers.env(truth, secret);
            assertFalse(response.body().contains(value), secret + " leaked: " + value);
        }
        String password = Containers.env(truth, "DATABASE_URL").replaceAll("^.*://app:([^@]+)@.*$", "$1");
        assertFalse(response.body().contains(password), "the password inside DATABASE_URL leaked");
        assertTrue(response.body().contains("postgres://app:********@db:5432/app"), "the rest of the URL stays");
        assertTrue(response.body().contains("\"JAVA_OPTS\""), "ordinary variables are listed");
        assertTrue(response.body().contains("-Xmx512m"));
    }

    @Test
    void theSecurityPostureNamesWhatTheInspectShows() {
        String proxy = Containers.find("running", i -> i.getJsonArray("Mounts").stream().map(JsonValue::asJsonObject)
                .anyMatch(m -> m.getString("Source").equals("/var/run/docker.sock")));
        assertTrue(checks(details(proxy)).contains("docker_socket"));
        String privileged = Containers.find("running", i -> i.getJsonObject("HostConfig").getBoolean("Privileged"));
        List<String> found = checks(details(privileged));
        assertTrue(found.containsAll(List.of("privileged", "selinux", "host_pid")), found.toString());
        assertEquals("CRITICAL", details(privileged).getJsonArray("posture").getJsonObject(0).getString("severity"));
    }

    @Test
    void aCrashLoopShowsItsRestartCountAndAnOomKillSaysSo() {
        String looping = Containers.find("restarting", i -> i.getInt("RestartCount") > 0);
        assertEquals(Api.simulatedDocker(looping, "/json").getInt("RestartCount"),
                details(looping).getJsonObject("inspection").getInt("restartCount"));
        String oom = Containers.find("exited", i -> i.getJsonObject("State").getBoolean("OOMKilled"));
        JsonObject state = details(oom).getJsonObject("inspection").getJsonObject("state");
        assertTrue(state.getBoolean("oomKilled"));
        assertEquals(137, state.getInt("exitCode"));
    }

    @Test
    void whenDockerCannotBeAskedTheLastKnownSummaryIsShownWithTheReason() {
        String key = Containers.find("created", i -> true);
        String[] parts = key.split(":");
        Api.post("/simulator/control/faults", "[{\"kind\":\"http_502\",\"server\":\"" + parts[0]
                + "\",\"endpointIds\":[" + parts[1] + "],\"route\":\"containers/\"}]");
        try {
            JsonObject details = details(key);
            assertEquals("SNAPSHOT", details.getString("source"));
            assertTrue(details.getString("unavailable").contains("HTTP 502"), details.getString("unavailable"));
            assertEquals("created", details.getJsonObject("summary").getString("state").toLowerCase());
        } finally {
            Api.post("/simulator/control/faults", "[]");
        }
    }

    @Test
    void badAndUnknownKeysAnswerJsonErrors() {
        HttpResponse<String> bad = Api.get("/api/v1/containers/not-a-key");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"error\":\"bad_request\""), bad.body());
        HttpResponse<String> unknown = Api.get("/api/v1/containers/sim-1:1:" + "0".repeat(64));
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("\"error\":\"not_found\""), unknown.body());
        HttpResponse<String> environment = Api.get("/api/v1/containers/nowhere:1:" + "a".repeat(64));
        assertEquals(404, environment.statusCode(), environment.body());
    }
}
