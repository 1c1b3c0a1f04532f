package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** POST /api/backup of the simulated Portainer: a real tar.gz, the password observable but never in it. */
class SimulatedBackupTest {

    private final World world = SimulatorFixture.world(1, 3, 2, false, 7);
    private final SimWorldServer server = world.servers().get(0);

    @Test
    void aBackupWithoutPasswordIsATarGzListingItsFiles() throws IOException {
        SimulatedPortainerRoutes.Reply reply = post("{}");
        assertEquals(200, reply.status());
        assertEquals("application/gzip", reply.contentType());
        assertTrue(reply.headers().get("Content-Disposition").matches(
                "attachment; filename=portainer-backup_\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d\\.tar\\.gz"),
                reply.headers().toString());
        Map<String, String> files = untar(reply.body());
        assertTrue(files.containsKey("portainer.db"), files.keySet().toString());
        assertTrue(files.keySet().stream().anyMatch(n -> n.matches("export-\\d+\\.json")), files.keySet().toString());
        assertTrue(files.get("MANIFEST.txt").contains("password: none"), files.get("MANIFEST.txt"));
        assertTrue(files.get("MANIFEST.txt").contains("portainer.db"));
    }

    @Test
    void aPasswordIsRecordedAsItsHashAndNamesTheArchiveEncrypted() throws IOException {
        SimulatedPortainerRoutes.Reply reply = post("{\"Password\":\"s3cret\"}");
        assertEquals(200, reply.status());
        assertTrue(reply.headers().get("Content-Disposition").endsWith(".tar.gz.encrypted"));
        String manifest = untar(reply.body()).get("MANIFEST.txt");
        assertTrue(manifest.contains("password: sha256:" + SimulatedBackup.sha256("s3cret")), manifest);
        assertTrue(!new String(reply.body(), StandardCharsets.ISO_8859_1).contains("s3cret"));
    }

    @Test
    void aBodyIsRequiredAsInPortainer() {
        assertEquals(400, post(null).status());
        assertEquals(400, post("not json").status());
    }

    @Test
    void aWrongKeyIsRefused() {
        SimulatedPortainerRoutes.Reply reply = SimulatedPortainerRoutes.handle(world, server,
                new SimulatedPortainerRoutes.Request("POST", "/api/backup", null,
                        name -> name.equalsIgnoreCase("X-API-Key") ? "wrong" : null, "{}"), SimulatorFixture.EPOCH);
        assertEquals(401, reply.status());
    }

    private SimulatedPortainerRoutes.Reply post(String body) {
        return SimulatedPortainerRoutes.handle(world, server, new SimulatedPortainerRoutes.Request("POST",
                "/api/backup", null, name -> name.equalsIgnoreCase("X-API-Key") ? server.apiKey() : null, body),
                SimulatorFixture.EPOCH);
    }

    /** A minimal ustar reader: name (0..100), octal size (124..136), content padded to 512. */
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
