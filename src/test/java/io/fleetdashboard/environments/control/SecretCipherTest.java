package io.fleetdashboard.environments.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final byte[] KEY = new byte[32];
    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void roundTrip() {
        String stored = cipher.encrypt("ptr_abc+/=secret");
        assertTrue(stored.startsWith("v1:"));
        assertFalse(stored.contains("ptr_abc"));
        assertEquals("ptr_abc+/=secret", cipher.decrypt(stored));
    }

    @Test
    void everyValueGetsItsOwnIv() {
        String first = cipher.encrypt("same");
        String second = cipher.encrypt("same");
        assertNotEquals(first, second);
        byte[] a = Base64.getDecoder().decode(first.substring(3));
        byte[] b = Base64.getDecoder().decode(second.substring(3));
        assertFalse(java.util.Arrays.equals(java.util.Arrays.copyOf(a, 12), java.util.Arrays.copyOf(b, 12)));
    }

    @Test
    void tamperingIsDetected() {
        byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("secret").substring(3));
        sealed[sealed.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(sealed);
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt(tampered));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v2:AAAA"));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("v1:AAAA"));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("plain"));
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] other = new byte[32];
        other[0] = 1;
        String stored = cipher.encrypt("secret");
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher(other).decrypt(stored));
    }

    @Test
    void passphraseIsStretchedDeterministically(@TempDir Path dir) {
        byte[] first = SecretCipher.keyBytes(Optional.of("correct horse battery staple"), dir.resolve("unused"));
        byte[] second = SecretCipher.keyBytes(Optional.of("correct horse battery staple"), dir.resolve("unused"));
        assertEquals(32, first.length);
        assertArrayEquals(first, second);
        assertFalse(Files.exists(dir.resolve("unused")), "no key file when a key is configured");
    }

    @Test
    void base64KeyIsUsedAsIs(@TempDir Path dir) {
        byte[] key = new byte[32];
        key[5] = 42;
        assertArrayEquals(key, SecretCipher.keyBytes(Optional.of(Base64.getEncoder().encodeToString(key)),
                dir.resolve("unused")));
    }

    @Test
    void keyFileIsCreatedOwnerOnlyAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("secret.key");
        byte[] created = SecretCipher.keyBytes(Optional.empty(), file);
        assertTrue(Files.exists(file));
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertArrayEquals(created, SecretCipher.keyBytes(Optional.empty(), file));
        String stored = new SecretCipher(created).encrypt("secret");
        assertEquals("secret", new SecretCipher(SecretCipher.keyBytes(Optional.empty(), file)).decrypt(stored));
    }

    @Test
    void keyFileIsWrittenAtomicallyWithoutLeftovers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        SecretCipher.keyBytes(Optional.empty(), file);
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of(file), files.toList(), "only the key file, no temporary file");
        }
        assertEquals(44, Files.readString(file).length(), "base64 of 32 bytes, complete");
    }

    @Test
    void anEmptyKeyFileFromAnInterruptedStartIsReplaced(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        Files.writeString(file, " \n");
        byte[] key = SecretCipher.keyBytes(Optional.empty(), file);
        assertEquals(32, key.length);
        assertArrayEquals(key, SecretCipher.keyBytes(Optional.empty(), file), "the new key was stored");
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

    @Test
    void aDamagedKeyFileStopsTheStartWithAClearMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("secret.key");
        String truncated = Base64.getEncoder().encodeToString(new byte[32]).substring(0, 20);
        for (String damaged : new String[] {truncated, "not base64 at all!"}) {
            Files.writeString(file, damaged);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> SecretCipher.keyBytes(Optional.empty(), file));
            assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains("Restore it"), e.getMessage());
            assertEquals(damaged, Files.readString(file), "a damaged key is never overwritten");
        }
    }
}
