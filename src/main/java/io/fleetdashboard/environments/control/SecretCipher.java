package io.fleetdashboard.environments.control;

import io.fleetdashboard.database.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * same key). Without it, a random key is generated once into {@code <data dir>/secret.key} (owner read/write only)
 * and reused across restarts. Losing that file means re-entering the keys of UI-created environments.
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

    /** The 32 key bytes: from configuration when given, else from (or into) the key file. */
    static byte[] keyBytes(Optional<String> configured, Path keyFile) {
        if (configured.isPresent()) {
            return fromConfiguration(configured.get().strip());
        }
        try {
            if (Files.exists(keyFile)) {
                return decodeKey(Files.readString(keyFile).strip(), keyFile);
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            writeOwnerOnly(keyFile, Base64.getEncoder().encodeToString(generated));
            LOG.info(() -> "Generated a new secret key in " + keyFile);
            return generated;
        } catch (FileAlreadyExistsException raced) {
            return keyBytes(configured, keyFile);
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
        byte[] decoded = Base64.getDecoder().decode(content);
        if (decoded.length != 32) {
            throw new IllegalStateException("The secret key file " + keyFile + " does not hold 32 base64 bytes");
        }
        return decoded;
    }

    private static void writeOwnerOnly(Path keyFile, String content) throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            // created with rw------- atomically, so the key is never readable by others, not even briefly
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(keyFile);
        }
        Files.writeString(keyFile, content);
    }
}
