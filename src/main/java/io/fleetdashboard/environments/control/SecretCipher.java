package io.fleetdashboard.environments.control;

import io.fleetdashboard.database.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secrets at rest (Portainer API keys): AES-256-GCM with a random 12-byte IV per value, stored as
 * {@code v1:<base64(iv || ciphertext+tag)>}; the version prefix leaves room for key rotation.
 * <p>
 * The key: {@code dashboard.secret.key} (env DASHBOARD_SECRET_KEY), used as is when it is base64 of 32 bytes,
 * otherwise treated as a passphrase and stretched with PBKDF2 (fixed salt, so the same passphrase always gives the
 * same key). Without it, a random key is generated once into {@code <data dir>/secret.key} (owner read/write only,
 * written atomically: see {@link #keyBytes}) and reused across restarts. Losing that file means re-entering the
 * keys of UI-created environments.
 */
@ApplicationScoped
public class SecretCipher {

    static final String PREFIX = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] SALT = "fleet-dashboard/secret-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final int ITERATIONS = 210_000;
    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());

    private final SecureRandom random = new SecureRandom();

    @Inject
    @ConfigProperty(name = "dashboard.secret.key")
    Optional<String> configuredKey;

    @Inject
    DataDirectory dataDirectory;

    private SecretKeySpec key;

    public SecretCipher() {
    }

    SecretCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    @PostConstruct
    void init() {
        key = new SecretKeySpec(keyBytes(configuredKey.filter(k -> !k.isBlank()),
                dataDirectory.ensureExists().resolve("secret.key")), "AES");
    }

    /** Created at start-up, so a missing key file is generated (or an unreadable one reported) right away. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // the injection point did the work: @PostConstruct loaded or generated the key
    }

    public String encrypt(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /** @throws IllegalArgumentException when the value was tampered with, has an unknown version or another key */
    public String decrypt(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Unknown secret format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length <= IV_BYTES) {
                throw new IllegalArgumentException("Secret too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Secret cannot be decrypted (tampered, or another key)", e);
        }
    }

    /**
     * The 32 key bytes: from configuration when given, else from (or into) the key file.
     * <p>
     * The file is written atomically (temporary file in the same directory, owner-only from its creation, fsync,
     * atomic rename, fsync of the directory), so a crash leaves either no key file or a complete one. A blank key
     * file (what a crash of an older version, which wrote in place, left behind) is replaced by a new key: that
     * version wrote the file before it used the key, so no secret can have been encrypted with a key that never
     * reached the file. A file that holds something other than a 32-byte base64 key stops the start with a message
     * that says what to do: it may be the damaged key of stored secrets, and replacing it would lose them silently.
     */
    static byte[] keyBytes(Optional<String> configured, Path keyFile) {
        if (configured.isPresent()) {
            return fromConfiguration(configured.get().strip());
        }
        try {
            if (Files.exists(keyFile)) {
                String content = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
                if (!content.isEmpty()) {
                    return decodeKey(content, keyFile);
                }
                LOG.warning(() -> "The secret key file " + keyFile + " is empty (left by an interrupted first start);"
                        + " generating a new key");
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            writeAtomically(keyFile, Base64.getEncoder().encodeToString(generated));
            LOG.info(() -> "Generated a new secret key in " + keyFile);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + keyFile, e);
        }
    }

    static byte[] fromConfiguration(String value) {
        try {
            byte[] decoded = Base64.getDecoder().decode(value);
            if (decoded.length == 32) {
                return decoded;
            }
        } catch (IllegalArgumentException notBase64) {
            // a passphrase
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(value.toCharArray(), SALT, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot derive the secret key", e);
        }
    }

    private static byte[] decodeKey(String content, Path keyFile) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException notBase64) {
            decoded = new byte[0];
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("The secret key file " + keyFile + " is damaged: it does not hold a "
                    + "base64 32-byte key. Restore it from a backup, or delete it and enter the API keys of the "
                    + "environments created in the UI again (they were encrypted with the lost key).");
        }
        return decoded;
    }

    /** Temporary file (rw------- from the start) beside the target, fsync, atomic rename, fsync of the directory. */
    static void writeAtomically(Path keyFile, String content) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = keyFile.getFileSystem().supportedFileAttributeViews().contains("posix");
        Path temporary = posix
                ? Files.createTempFile(directory, ".secret.key-", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".secret.key-", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException notOnThisPlatform) {
            // directories cannot be opened for fsync everywhere (Windows); the rename itself is still atomic
        }
    }
}
