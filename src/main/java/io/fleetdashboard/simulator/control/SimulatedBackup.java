package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The simulator's answer to POST /api/backup (portainer-api.md §7): a real tar.gz with an export JSON, a stand-in
 * database file and a manifest listing the files. The password is not used to encrypt (so tests can open the
 * archive), but it is observable: the file name gets ".encrypted" as Portainer's does, and the manifest holds the
 * SHA-256 of the password (never the password).
 */
final class SimulatedBackup {

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private SimulatedBackup() {
    }

    /** The password from the JSON body ({"password": …}, field name case-insensitive); null when none or empty. */
    static String password(String body) {
        if (body == null) {
            return null;
        }
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(body))) {
            var object = reader.readObject();
            for (var entry : object.entrySet()) {
                if (entry.getKey().equalsIgnoreCase("password")
                        && entry.getValue().getValueType() == jakarta.json.JsonValue.ValueType.STRING) {
                    String password = ((jakarta.json.JsonString) entry.getValue()).getString();
                    return password.isEmpty() ? null : password;
                }
            }
            return null;
        }
    }

    static String fileName(long nowMillis, boolean encrypted) {
        return "portainer-backup_" + NAME_TIME.format(Instant.ofEpochMilli(nowMillis)) + ".tar.gz"
                + (encrypted ? ".encrypted" : "");
    }

    /** The archive: export-&lt;unix&gt;.json, portainer.db and MANIFEST.txt (the file listing), gzip-compressed. */
    static byte[] archive(SimWorldServer server, String password, long nowMillis) {
        long unix = nowMillis / 1000;
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("export-" + unix + ".json", new JsonText().obj().str("instanceId", server.instanceId())
                .num("endpoints", server.endpoints().size()).str("version", SimulatedPortainerRoutes.PORTAINER_VERSION)
                .endObj().toString().getBytes(StandardCharsets.UTF_8));
        files.put("portainer.db", ("simulated BoltDB of " + server.name() + "\n").repeat(64)
                .getBytes(StandardCharsets.UTF_8));
        StringBuilder manifest = new StringBuilder("Simulated Portainer backup of ").append(server.name())
                .append("\nfiles:\n");
        files.forEach((name, bytes) -> manifest.append("  ").append(name).append(' ').append(bytes.length)
                .append('\n'));
        manifest.append("password: ").append(password == null ? "none" : "sha256:" + sha256(password)).append('\n');
        files.put("MANIFEST.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                gzip.write(tarHeader(file.getKey(), file.getValue().length, unix));
                gzip.write(file.getValue());
                gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gzip.write(new byte[1024]); // two empty blocks end the archive
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A ustar header block of a regular file. */
    static byte[] tarHeader(String name, long size, long mtime) {
        byte[] header = new byte[512];
        put(header, 0, name, 100);
        put(header, 100, "0000644", 8);
        put(header, 108, "0000000", 8);
        put(header, 116, "0000000", 8);
        put(header, 124, String.format(Locale.ROOT, "%011o", size), 12);
        put(header, 136, String.format(Locale.ROOT, "%011o", mtime), 12);
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        header[156] = '0';
        put(header, 257, "ustar", 6);
        put(header, 263, "00", 2);
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format(Locale.ROOT, "%06o", sum), 7);
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] header, int offset, String text, int length) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, Math.min(bytes.length, length));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
