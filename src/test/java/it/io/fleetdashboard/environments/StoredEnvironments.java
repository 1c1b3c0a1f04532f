package it.io.fleetdashboard.environments;

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
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Environments written straight into the running server's SQLite database, as the start-up import of the variables
 * or the environments page would store them (key encrypted with the server's generated secret.key): for what the
 * API cannot create, such as an environment of the variables, or a server the gateway should meet without a refresh.
 */
public final class StoredEnvironments {

    static final Path DATA = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it")).resolve("data");

    private static final SecureRandom RANDOM = new SecureRandom();

    private StoredEnvironments() {
    }

    /**
     * Inserts (or replaces) an environment of that source ("UI" or "ENV"), timeout 10 s. Its id is a random large
     * one: SQLite reuses the id of a deleted row, and the server's JPA cache still holds the entity of a row deleted
     * behind its back (an earlier test's), which it would show in place of this one.
     */
    public static void register(String name, String url, String apiKey, String source, boolean enabled)
            throws Exception {
        try (Connection connection = database(); PreparedStatement insert = connection.prepareStatement(
                "INSERT OR REPLACE INTO environment (id, name, display_name, api_url, api_key_ciphertext, verify_ssl, "
                        + "timeout_seconds, source, enabled, created_at, updated_at) "
                        + "VALUES (" + (1_000_000_000L + RANDOM.nextInt(1_000_000_000))
                        + ", ?, ?, ?, ?, 1, 10, ?, ?, ?, ?)")) {
            long now = System.currentTimeMillis();
            insert.setString(1, name);
            insert.setString(2, "IT " + name);
            insert.setString(3, url);
            insert.setString(4, encrypt(apiKey));
            insert.setString(5, source);
            insert.setInt(6, enabled ? 1 : 0);
            insert.setLong(7, now);
            insert.setLong(8, now);
            insert.executeUpdate();
        }
    }

    /** Deletes the environments whose name is LIKE the pattern ("it-%"). */
    public static void deleteLike(String pattern) throws SQLException {
        try (Connection connection = database();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM environment WHERE name LIKE ?")) {
            delete.setString(1, pattern);
            delete.executeUpdate();
        }
    }

    private static Connection database() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + DATA.resolve("fleet.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 5000");
        }
        return connection;
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
