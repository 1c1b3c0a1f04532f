package it.io.fleetdashboard.environments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway inside the running server against a tiny fake Portainer in this JVM: environments are registered
 * straight into the server's SQLite database (as the settings page would, key encrypted with the server's
 * generated secret.key), then tested through GET /api/v1/environments/{name}/status.
 */
class EnvironmentConnectionIT {

    private static final String BASE = System.getProperty("it.base.url", "http://localhost:9180");
    private static final Path DATA = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet")).resolve("data");
    private static final String KEY = "ptr_it+/key=";
    private static final List<String> NAMES = List.of("it-wire", "it-badkey", "it-down");

    private static HttpServer portainer;
    private static final List<String> receivedKeys = new CopyOnWriteArrayList<>();
    private static final List<String> receivedCookies = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFakePortainerAndRegister() throws Exception {
        portainer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        portainer.createContext("/api/system/status", EnvironmentConnectionIT::status);
        portainer.start();
        String url = "http://127.0.0.1:" + portainer.getAddress().getPort() + "/api";
        register("it-wire", url, KEY);
        register("it-badkey", url, "ptr_wrong");
        register("it-down", "http://127.0.0.1:1/api", KEY);
    }

    @AfterAll
    static void stopAndUnregister() throws SQLException {
        portainer.stop(0);
        try (Connection connection = database(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM environment WHERE name LIKE 'it-%'");
        }
    }

    private static void status(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("X-API-Key");
        receivedKeys.add(String.valueOf(key));
        if (exchange.getRequestHeaders().containsKey("Cookie")) {
            receivedCookies.add(exchange.getRequestHeaders().getFirst("Cookie"));
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a real Portainer sets this after /api/auth; a client that sends it back trips the CSRF check
        exchange.getResponseHeaders().add("Set-Cookie", "portainer_api_key=cookie-value; Path=/; HttpOnly");
        boolean valid = KEY.equals(key);
        byte[] body = (valid ? "{\"Version\":\"2.23.0\",\"InstanceID\":\"it-instance\"}"
                : "{\"message\":\"Invalid JWT token\",\"details\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(valid ? 200 : 401, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void statusGoesThroughTheGatewayWithTheKeyAndNoCookies() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = get("/api/v1/environments/it-wire/status");
            assertEquals(200, response.statusCode(), response.body());
            JsonObject status = json(response.body());
            assertEquals("2.23.0", status.getString("version"));
            assertEquals("it-instance", status.getString("instanceId"));
        }
        assertTrue(receivedKeys.stream().filter(KEY::equals).count() >= 3, receivedKeys.toString());
        assertEquals(List.of(), receivedCookies, "cookies must never be sent back");
    }

    @Test
    void rejectedKeyIsAJsonErrorWithoutTheKey() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/it-badkey/status");
        assertEquals(502, response.statusCode(), response.body());
        JsonObject error = json(response.body());
        assertEquals("unauthorized", error.getString("error"));
        assertTrue(error.getString("message").contains("it-badkey"), error.getString("message"));
        assertTrue(error.getString("message").contains("401"), error.getString("message"));
        assertFalse(response.body().contains("ptr_"), response.body());
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/it-down/status");
        assertEquals(502, response.statusCode(), response.body());
        assertEquals("unavailable", json(response.body()).getString("error"));
        assertFalse(response.body().contains("Exception"), "no stack traces: " + response.body());
    }

    @Test
    void unknownEnvironmentIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments/no-such-env/status");
        assertEquals(404, response.statusCode(), response.body());
        assertEquals("not_found", json(response.body()).getString("error"));
    }

    @Test
    void registeredEnvironmentsAreListedWithoutKeys() throws Exception {
        HttpResponse<String> response = get("/api/v1/environments");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("\"name\":\"it-wire\""), response.body());
        assertFalse(response.body().contains(KEY) || response.body().contains("v1:"), response.body());
    }

    @Test
    void requestsAndErrorsAreCountedPerEnvironment() throws Exception {
        get("/api/v1/environments/it-wire/status");
        get("/api/v1/environments/it-badkey/status");
        String metrics = get("/metrics?scope=application").body();
        assertTrue(metrics.contains("fleet_portainer_requests_total{environment=\"it-wire\""), metrics);
        assertTrue(metrics.contains("fleet_portainer_errors_total{environment=\"it-badkey\",kind=\"unauthorized\""),
                metrics);
        assertTrue(metrics.contains("fleet_portainer_request_seconds_count{environment=\"it-wire\","
                + "mp_scope=\"application\",route=\"status\""), metrics);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + DATA.resolve("fleet.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
        }
        return connection;
    }

    private static void register(String name, String url, String apiKey) throws Exception {
        try (Connection connection = database(); PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO environment (name, display_name, api_url, api_key_ciphertext, verify_ssl, "
                        + "timeout_seconds, source, enabled, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, 1, 10, 'UI', 1, ?, ?)")) {
            long now = System.currentTimeMillis();
            insert.setString(1, name);
            insert.setString(2, "IT " + name);
            insert.setString(3, url);
            insert.setString(4, encrypt(apiKey));
            insert.setLong(5, now);
            insert.setLong(6, now);
            insert.executeUpdate();
        }
    }

    /** The SecretCipher format (v1: base64(iv || ciphertext+tag)) with the key the server generated. */
    private static String encrypt(String plain) throws Exception {
        byte[] key = Base64.getDecoder().decode(Files.readString(DATA.resolve("secret.key")).strip());
        byte[] iv = new byte[12];
        new SecureRandom().nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = Arrays.copyOf(iv, 12 + sealed.length);
        System.arraycopy(sealed, 0, out, 12, sealed.length);
        return "v1:" + Base64.getEncoder().encodeToString(out);
    }
}
