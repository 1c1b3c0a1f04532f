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
    private static final Set<String> FIELDS = Set.of("name", "displayName", "apiUrl", "verifySsl", "source",
            "enabled", "simulated");

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
            assertEquals(FIELDS, environment.keySet(), "exactly the documented fields");
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
}
