package it.io.fleetdashboard.backups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.environments.AdminApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Backups of the simulated Portainer servers over the API: password, streamed gzip download, retention, delete. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupsIT {

    private final List<Long> created = new ArrayList<>();

    @AfterAll
    void deleteWhatTheseTestsMade() {
        for (long id : created) {
            AdminApi.delete("/api/v1/backups/" + id);
        }
    }

    static JsonObject backup(String environment, String body) {
        HttpResponse<String> response = Api.post("/api/v1/environments/" + environment + "/backups?wait=60", body);
        assertEquals(200, response.statusCode(), "the backup ended within the wait: " + response.body());
        return Api.json(response.body()).asJsonObject();
    }

    private JsonObject made(JsonObject backup) {
        created.add(backup.getJsonNumber("id").longValue());
        return backup;
    }

    static List<JsonObject> list() {
        return Api.json(Api.get("/api/v1/backups").body()).asJsonArray().stream().map(JsonValue::asJsonObject)
                .toList();
    }

    @Test
    void aPasswordProtectedBackupDownloadsAsAValidGzipAndThePasswordReachedPortainerOnly() throws Exception {
        String password = "it-pass-" + UUID.randomUUID();
        JsonObject backup = made(backup("sim-1", "{\"password\":\"" + password + "\"}"));
        assertEquals("done", backup.getString("status"), backup.toString());
        assertTrue(backup.getBoolean("passwordProtected"));
        assertTrue(backup.getString("fileName").endsWith(".tar.gz.encrypted"), backup.toString());
        assertTrue(backup.getJsonNumber("bytes").longValue() > 0);
        long id = backup.getJsonNumber("id").longValue();
        assertTrue(list().stream().anyMatch(b -> b.getJsonNumber("id").longValue() == id), "listed");

        HttpResponse<byte[]> download = AdminApi.download("/api/v1/backups/" + id);
        assertEquals(200, download.statusCode());
        assertEquals("application/gzip", download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("")
                .contains("attachment; filename=\"" + backup.getString("fileName") + "\""));
        assertEquals(backup.getJsonNumber("bytes").longValue(), download.body().length);
        Map<String, String> files = untar(download.body());
        assertTrue(files.containsKey("portainer.db"), files.keySet().toString());
        assertTrue(files.get("MANIFEST.txt").contains("password: sha256:" + sha256(password)),
                "the simulator got the password: " + files.get("MANIFEST.txt"));

        String audit = Api.get("/api/v1/audit?action=backup.create&limit=50").body();
        assertTrue(audit.contains("password-protected") && audit.contains("sim-1"), audit);
        for (String body : List.of(audit, Api.get("/api/v1/backups").body())) {
            assertFalse(body.contains(password), "the password is never stored or shown");
        }
    }

    @Test
    void withoutPasswordTheArchiveIsPlainAndOldOnesGoByRetention() {
        int keepBefore = Api.object("/api/v1/backups/settings").getInt("keep");
        try {
            HttpResponse<String> set = AdminApi.put("/api/v1/backups/settings", "{\"keep\":2}");
            assertEquals(200, set.statusCode(), set.body());
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JsonObject b = made(backup("sim-2", "{}"));
                assertEquals("done", b.getString("status"), b.toString());
                assertFalse(b.getBoolean("passwordProtected"));
                assertTrue(b.getString("fileName").endsWith(".tar.gz"), b.toString());
                ids.add(b.getJsonNumber("id").longValue());
            }
            List<Long> kept = list().stream().filter(b -> b.getString("environment").equals("sim-2")
                    && b.getString("status").equals("done")).map(b -> b.getJsonNumber("id").longValue()).toList();
            assertEquals(2, kept.size(), kept.toString());
            assertTrue(kept.containsAll(ids.subList(1, 3)), "the newest two are kept: " + kept);
            assertEquals(404, AdminApi.download("/api/v1/backups/" + ids.get(0)).statusCode(), "the oldest is gone");
            String audit = Api.get("/api/v1/audit?action=backup.delete&limit=50").body();
            assertTrue(audit.contains("retention"), audit);
        } finally {
            AdminApi.put("/api/v1/backups/settings", "{\"keep\":" + keepBefore + "}");
        }
    }

    @Test
    void aBackupIsDeletedWithItsArchiveAndTheDeletionIsAudited() {
        JsonObject b = made(backup("sim-1", null));
        long id = b.getJsonNumber("id").longValue();
        assertEquals(204, AdminApi.delete("/api/v1/backups/" + id).statusCode());
        assertEquals(404, AdminApi.download("/api/v1/backups/" + id).statusCode());
        assertEquals(404, AdminApi.delete("/api/v1/backups/" + id).statusCode());
        String audit = Api.get("/api/v1/audit?action=backup.delete&limit=50").body();
        assertTrue(audit.contains("backup " + id), audit);
    }

    @Test
    void aFailedBackupSaysWhyAndHasNothingToDownload() {
        String name = AdminApi.uniqueName("it-backup-down");
        try {
            AdminApi.create(name, "http://127.0.0.1:1", "ptr_key", false);
            JsonObject failed = made(backup(name, "{}"));
            assertEquals("failed", failed.getString("status"), failed.toString());
            assertTrue(failed.getString("message").contains("refused"), failed.toString());
            HttpResponse<byte[]> download = AdminApi.download("/api/v1/backups/" + failed.getJsonNumber("id"));
            assertEquals(409, download.statusCode());
        } finally {
            AdminApi.remove(name);
        }
        assertEquals(404, Api.post("/api/v1/environments/no-such-env/backups", "{}").statusCode());
    }

    @Test
    void theScheduleIsValidatedAndCanBeTurnedOff() {
        HttpResponse<String> bad = AdminApi.put("/api/v1/backups/settings", "{\"interval\":\"often\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertTrue(Api.json(bad.body()).asJsonObject().getString("message").contains("6h"), bad.body());
        assertEquals(400, AdminApi.put("/api/v1/backups/settings", "{\"keep\":0}").statusCode());
        try {
            HttpResponse<String> daily = AdminApi.put("/api/v1/backups/settings", "{\"interval\":\"1d\"}");
            assertEquals(200, daily.statusCode(), daily.body());
            assertEquals(86400, Api.json(daily.body()).asJsonObject().getInt("intervalSeconds"));
            assertFalse(Api.json(daily.body()).asJsonObject().getBoolean("intervalFromVariable"));
        } finally {
            HttpResponse<String> off = AdminApi.put("/api/v1/backups/settings", "{\"interval\":\"off\"}");
            assertEquals(0, Api.json(off.body()).asJsonObject().getInt("intervalSeconds"));
        }
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The files of a tar.gz (ustar: name at 0, octal size at 124, content padded to 512); fails on a bad gzip. */
    static Map<String, String> untar(byte[] gz) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || header[0] == 0) {
                    return files;
                }
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                in.readNBytes((int) ((512 - size % 512) % 512));
                files.put(name, new String(content, StandardCharsets.UTF_8));
            }
        }
    }
}
