package it.io.fleetdashboard.environments;

import it.io.fleetdashboard.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/** PUT and DELETE as the IT admin, the simulated servers, and environments created (and removed) by tests. */
public final class AdminApi {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (System.getProperty("it.username", "admin") + ":" + System.getProperty("it.key", "it-secret-key"))
                    .getBytes(StandardCharsets.UTF_8));

    private AdminApi() {
    }

    public static HttpResponse<String> put(String path, String json) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static HttpResponse<String> delete(String path) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + path)).header("Authorization", AUTH).DELETE());
    }

    public static HttpResponse<byte[]> download(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Api.BASE + path))
                    .header("Authorization", AUTH).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("Download failed: " + e, e);
        }
    }

    /** A simulated Portainer server of the test server ("sim-1"): name, baseUrl (without /api), apiKey. */
    public static JsonObject simulatedServer(String name) {
        return Api.json(Api.get("/simulator/control/servers").body()).asJsonArray().stream()
                .map(JsonValue::asJsonObject).filter(s -> s.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no simulated server " + name));
    }

    /** A name no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Adds an environment through the API (201), disabled unless asked: a disabled one is never collected. */
    public static JsonObject create(String name, String url, String key, boolean enabled) {
        String body = Json.createObjectBuilder().add("name", name).add("displayName", "IT " + name)
                .add("apiUrl", url).add("apiKey", key).add("enabled", enabled).build().toString();
        HttpResponse<String> response = Api.post("/api/v1/environments", body);
        if (response.statusCode() != 201) {
            throw new AssertionError("create " + name + " answered " + response.statusCode() + ": " + response.body());
        }
        return Api.json(response.body()).asJsonObject();
    }

    /** Removes it if it is there. */
    public static void remove(String name) {
        delete("/api/v1/environments/" + name);
    }
}
