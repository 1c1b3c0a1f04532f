package it.io.fleetdashboard.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Black-box: the environments API over HTTP, and the database the server created on start-up. */
class EnvironmentsIT {

    private static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    private static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    /** updatedAt is absent (null) for the simulated stand-ins. */
    private static final Set<String> FIELDS = Set.of("name", "displayName", "apiUrl", "verifySsl", "source",
            "enabled", "simulated", "timeoutSeconds", "connectTimeoutSeconds", "maxConcurrency", "caBundle", "origin");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void environmentsAreListedAsJsonWithoutAnyKey() throws Exception {
        HttpResponse<String> response = it.io.fleetdashboard.Api.get("/api/v1/environments",
                "Accept", "application/json");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonArray environments;
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            environments = reader.readArray();
        }
        for (JsonValue value : environments) {
            JsonObject environment = value.asJsonObject();
            Set<String> fields = new java.util.HashSet<>(environment.keySet());
            fields.remove("updatedAt");
            assertEquals(FIELDS, fields, "exactly the documented fields");
            assertFalse(environment.getString("name").isBlank());
            assertTrue(environment.getString("apiUrl").endsWith("/api"), environment.toString());
        }
        String body = response.body().toLowerCase(Locale.ROOT);
        assertFalse(body.contains("apikey") || body.contains("\"key\"") || body.contains("ciphertext"), body);
    }

    @Test
    void theDatabaseRunsInWalMode() {
        Path data = SERVER_DIR.resolve("data");
        assertTrue(Files.exists(data.resolve("fleet.db")), "fleet.db created in " + data);
        assertTrue(Files.exists(data.resolve("fleet.db-wal")), "a WAL file next to fleet.db");
    }

    private static JsonObject json(HttpResponse<String> response) {
        return it.io.fleetdashboard.Api.json(response.body()).asJsonObject();
    }

    private static String apiUrl(JsonObject simulated) {
        return simulated.getString("baseUrl");
    }

    @Test
    void anEnvironmentIsAddedChangedDisabledAndRemovedAndItsKeyNeverComesBack() {
        JsonObject sim = AdminApi.simulatedServer("sim-1");
        String key = sim.getString("apiKey");
        String name = AdminApi.uniqueName("it-crud");
        try {
            JsonObject created = AdminApi.create(name, apiUrl(sim), key, false);
            assertEquals(name, created.getString("name"));
            assertEquals("UI", created.getString("source"));
            assertEquals("the environments page", created.getString("origin"));
            assertEquals(apiUrl(sim) + "/api", created.getString("apiUrl"), "normalised");
            assertFalse(created.getBoolean("enabled"));

            HttpResponse<String> changed = AdminApi.put("/api/v1/environments/" + name,
                    "{\"displayName\":\"Renamed\",\"timeoutSeconds\":20,\"maxConcurrency\":4,\"apiKey\":\"\"}");
            assertEquals(200, changed.statusCode(), changed.body());
            assertEquals("Renamed", json(changed).getString("displayName"));
            assertEquals(20, json(changed).getInt("timeoutSeconds"));
            assertEquals(4, json(changed).getInt("maxConcurrency"));

            HttpResponse<String> tested = it.io.fleetdashboard.Api.post("/api/v1/environments/" + name + "/test", null);
            assertEquals(200, tested.statusCode(), tested.body());
            assertTrue(json(tested).getBoolean("ok"), "a blank key kept the stored one: " + tested.body());

            HttpResponse<String> one = it.io.fleetdashboard.Api.get("/api/v1/environments/" + name);
            assertEquals(200, one.statusCode());
            for (HttpResponse<String> response : java.util.List.of(changed, tested, one,
                    it.io.fleetdashboard.Api.get("/api/v1/environments"))) {
                assertFalse(response.body().contains(key), "the key never comes back: " + response.body());
            }
            assertEquals(204, AdminApi.delete("/api/v1/environments/" + name).statusCode());
            assertEquals(404, it.io.fleetdashboard.Api.get("/api/v1/environments/" + name).statusCode());

            String audit = it.io.fleetdashboard.Api.get("/api/v1/audit?action=environment.*&limit=100").body();
            assertTrue(audit.contains("environment.create") && audit.contains("environment.update")
                    && audit.contains("environment.delete") && audit.contains(name), audit);
            assertTrue(audit.contains("apiKey") || audit.contains("changed:"), audit);
            assertFalse(audit.contains(key), "the audit log never holds the key");
        } finally {
            AdminApi.remove(name);
        }
    }

    @Test
    void invalidInputIsRefusedWithAClearMessage() {
        String name = AdminApi.uniqueName("it-bad");
        for (String[] c : new String[][] {
                {"{\"name\":\"" + name + "\",\"apiUrl\":\"ftp://x\",\"apiKey\":\"k\"}", "apiUrl"},
                {"{\"name\":\"" + name + "\",\"apiUrl\":\"https://x\"}", "apiKey"},
                {"{\"name\":\"Bad Name\",\"apiUrl\":\"https://x\",\"apiKey\":\"k\"}", "name"},
                {"{\"name\":\"" + name + "\",\"apiUrl\":\"https://x\",\"apiKey\":\"k\",\"timeoutSeconds\":0}",
                        "timeoutSeconds"},
                {"{\"name\":\"" + name + "\",\"apiUrl\":\"https://x\",\"apiKey\":\"k\",\"caBundle\":\"junk\"}",
                        "caBundle"}}) {
            HttpResponse<String> response = it.io.fleetdashboard.Api.post("/api/v1/environments", c[0]);
            assertEquals(400, response.statusCode(), c[0] + " -> " + response.body());
            assertEquals("bad_request", json(response).getString("error"));
            assertTrue(json(response).getString("message").startsWith(c[1]), response.body());
        }
        assertEquals(404, it.io.fleetdashboard.Api.get("/api/v1/environments/" + name).statusCode(),
                "nothing was stored");
        HttpResponse<String> standIn = it.io.fleetdashboard.Api.post("/api/v1/environments",
                "{\"name\":\"sim-1\",\"apiUrl\":\"https://x\",\"apiKey\":\"k\"}");
        assertEquals(409, standIn.statusCode(), standIn.body());
        assertEquals(409, AdminApi.put("/api/v1/environments/sim-1", "{\"displayName\":\"x\"}").statusCode());
        assertEquals(409, AdminApi.delete("/api/v1/environments/sim-1").statusCode());
        assertEquals(404, AdminApi.delete("/api/v1/environments/" + name).statusCode());
        assertEquals(404, AdminApi.put("/api/v1/environments/" + name, "{}").statusCode());
    }

    @Test
    void aDuplicateNameIsAConflict() {
        JsonObject sim = AdminApi.simulatedServer("sim-1");
        String name = AdminApi.uniqueName("it-dup");
        try {
            AdminApi.create(name, apiUrl(sim), sim.getString("apiKey"), false);
            HttpResponse<String> again = it.io.fleetdashboard.Api.post("/api/v1/environments",
                    "{\"name\":\"" + name + "\",\"apiUrl\":\"https://x\",\"apiKey\":\"k\"}");
            assertEquals(409, again.statusCode(), again.body());
            assertEquals("conflict", json(again).getString("error"));
        } finally {
            AdminApi.remove(name);
        }
    }

    @Test
    void aConnectionTestShowsVersionEndpointsAndLatencyOrExplainsTheFailure() {
        JsonObject sim = AdminApi.simulatedServer("sim-1");
        HttpResponse<String> ok = it.io.fleetdashboard.Api.post("/api/v1/environments/sim-1/test", null);
        assertEquals(200, ok.statusCode(), ok.body());
        JsonObject probe = json(ok);
        assertTrue(probe.getBoolean("ok"), ok.body());
        assertEquals("2.23.0", probe.getString("version"));
        int expected = it.io.fleetdashboard.Api.object("/api/v1/environments/sim-1/status").getInt("endpoints");
        assertEquals(expected, probe.getInt("endpoints"));
        assertTrue(probe.getJsonNumber("latencyMs").longValue() >= 0);

        String name = AdminApi.uniqueName("it-unsaved");
        HttpResponse<String> wrongKey = it.io.fleetdashboard.Api.post("/api/v1/environments/" + name + "/test",
                "{\"apiUrl\":\"" + apiUrl(sim) + "\",\"apiKey\":\"ptr_wrong_key\"}");
        assertEquals(200, wrongKey.statusCode(), wrongKey.body());
        assertFalse(json(wrongKey).getBoolean("ok"));
        assertEquals("unauthorized", json(wrongKey).getString("reason"), wrongKey.body());
        assertTrue(json(wrongKey).getString("message").contains("401"), wrongKey.body());
        assertFalse(wrongKey.body().contains("ptr_wrong_key"));

        HttpResponse<String> refused = it.io.fleetdashboard.Api.post("/api/v1/environments/" + name + "/test",
                "{\"apiUrl\":\"http://127.0.0.1:1\",\"apiKey\":\"k\"}");
        assertEquals(200, refused.statusCode(), refused.body());
        assertEquals("refused", json(refused).getString("reason"), refused.body());
        assertTrue(json(refused).getString("message").contains("refused"), refused.body());
        assertEquals(404, it.io.fleetdashboard.Api.get("/api/v1/environments/" + name).statusCode(),
                "a test stores nothing");

        HttpResponse<String> nothing = it.io.fleetdashboard.Api.post("/api/v1/environments/" + name + "/test", null);
        assertEquals(404, nothing.statusCode(), "no such environment and no settings to test");
    }

    /** The environment of that name in a refresh's answer, if the refresh collected it. */
    private static java.util.Optional<JsonObject> collected(JsonObject refresh, String name) {
        return refresh.getJsonArray("environments").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("name").equals(name)).findFirst();
    }

    private static boolean failed(JsonObject environment) {
        return environment.containsKey("error") && !environment.isNull("error");
    }

    /**
     * The environment as the first refresh that ends after this call and satisfies the condition saw it (a refresh
     * already in flight began with the list before the change: the next one is what counts).
     */
    private static JsonObject refreshedUntil(String name, String what,
                                             java.util.function.Predicate<java.util.Optional<JsonObject>> condition) {
        java.util.concurrent.atomic.AtomicReference<java.util.Optional<JsonObject>> seen =
                new java.util.concurrent.atomic.AtomicReference<>();
        it.io.fleetdashboard.Api.await(what, java.time.Duration.ofSeconds(60), () -> {
            seen.set(collected(it.io.fleetdashboard.Api.refresh(), name));
            return condition.test(seen.get());
        });
        return seen.get().orElse(null);
    }

    @Test
    void aChangedUrlIsUsedByTheNextRefreshWithoutARestart() {
        JsonObject sim = AdminApi.simulatedServer("sim-2");
        int expected = it.io.fleetdashboard.Api.object("/api/v1/environments/sim-2/status").getInt("endpoints");
        String name = AdminApi.uniqueName("it-move");
        try {
            AdminApi.create(name, "http://127.0.0.1:1", sim.getString("apiKey"), true);
            JsonObject before = refreshedUntil(name, "the new environment collected", java.util.Optional::isPresent);
            assertTrue(failed(before), "nothing listens there: " + before);
            assertEquals(0, before.getInt("endpoints"), before.toString());

            HttpResponse<String> moved = AdminApi.put("/api/v1/environments/" + name,
                    "{\"apiUrl\":\"" + apiUrl(sim) + "\"}");
            assertEquals(200, moved.statusCode(), moved.body());

            JsonObject after = refreshedUntil(name, "the new URL used", e -> e.isPresent() && !failed(e.get()));
            assertEquals(expected, after.getInt("endpoints"), after.toString());
            String audit = it.io.fleetdashboard.Api.get("/api/v1/audit?action=environment.update&limit=100").body();
            assertTrue(audit.contains(name) && audit.contains("apiUrl " + apiUrl(sim) + "/api"), audit);
        } finally {
            AdminApi.remove(name);
        }
        refreshedUntil(name, "the removed environment no longer collected", java.util.Optional::isEmpty);
    }

    @Test
    void anEnvironmentOfTheVariablesCannotBeChangedOrRemovedOnlyDisabled() throws Exception {
        String name = AdminApi.uniqueName("it-variables");
        StoredEnvironments.register(name, "http://127.0.0.1:1/api", "ptr_from_variables", "ENV", false);
        try {
            JsonObject listed = json(it.io.fleetdashboard.Api.get("/api/v1/environments/" + name));
            assertEquals("ENV", listed.getString("source"));
            assertTrue(listed.getString("origin").startsWith("environment variables PORTAINER_"), listed.toString());

            HttpResponse<String> changed = AdminApi.put("/api/v1/environments/" + name,
                    "{\"apiUrl\":\"https://elsewhere.example\"}");
            assertEquals(409, changed.statusCode(), changed.body());
            assertEquals("conflict", json(changed).getString("error"));
            assertTrue(json(changed).getString("message").contains("defined by environment variables"),
                    changed.body());
            HttpResponse<String> removed = AdminApi.delete("/api/v1/environments/" + name);
            assertEquals(409, removed.statusCode(), removed.body());
            assertTrue(json(removed).getString("message").contains("disable it here"), removed.body());
            assertEquals("http://127.0.0.1:1/api",
                    json(it.io.fleetdashboard.Api.get("/api/v1/environments/" + name)).getString("apiUrl"),
                    "unchanged");

            HttpResponse<String> enabled = AdminApi.put("/api/v1/environments/" + name, "{\"enabled\":true}");
            assertEquals(200, enabled.statusCode(), enabled.body());
            assertTrue(json(enabled).getBoolean("enabled"));
            HttpResponse<String> disabled = AdminApi.put("/api/v1/environments/" + name, "{\"enabled\":false}");
            assertFalse(json(disabled).getBoolean("enabled"));
            assertFalse(disabled.body().contains("ptr_from_variables"));
        } finally {
            StoredEnvironments.deleteLike(name);
        }
    }
}
