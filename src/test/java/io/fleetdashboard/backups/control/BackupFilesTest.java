package io.fleetdashboard.backups.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupFilesTest {

    @TempDir
    Path dir;

    @Test
    void theArchiveIsCopiedAsItArrivesWithItsProgress() throws IOException {
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        AtomicLong written = new AtomicLong();
        Path file = dir.resolve("1.part");
        assertEquals(bytes.length, Backups.copy(new ByteArrayInputStream(bytes), file, written));
        assertEquals(bytes.length, written.get());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void gzipIsRecognisedByItsMagicBytes() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("tar".getBytes());
        }
        Path gzip = Files.write(dir.resolve("a.tar.gz"), gz.toByteArray());
        Path encrypted = Files.write(dir.resolve("a.tar.gz.encrypted"), new byte[] {0x53, 0x61, 0x6c, 0x74});
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertTrue(Backups.gzip(gzip));
        assertFalse(Backups.gzip(encrypted));
        assertFalse(Backups.gzip(empty));
    }
}
