package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void portainersFileNameIsKept() {
        assertEquals("portainer-backup_2024-10-23_18-23-24.tar.gz", ContentDisposition.fileName(
                "attachment; filename=portainer-backup_2024-10-23_18-23-24.tar.gz", "fallback.tar.gz"));
        assertEquals("portainer-backup_x.tar.gz.encrypted", ContentDisposition.fileName(
                "attachment; filename=\"portainer-backup_x.tar.gz.encrypted\"", "fallback.tar.gz"));
    }

    @Test
    void theExtendedFormWins() {
        assertEquals("b-ckup.tar.gz", ContentDisposition.fileName(
                "attachment; filename=\"plain.tar.gz\"; filename*=UTF-8''b%C3%A4ckup.tar.gz", "f"));
    }

    @Test
    void pathsAndUnsafeCharactersNeverReachTheFileSystem() {
        assertEquals("passwd", ContentDisposition.fileName("attachment; filename=\"../../etc/passwd\"", "f"));
        assertEquals("evil-name-.tar.gz", ContentDisposition.fileName("attachment; filename=\"evil name;.tar.gz\"",
                "f"));
        assertEquals("f", ContentDisposition.fileName("attachment; filename=\"..\"", "f"));
        assertEquals("f", ContentDisposition.fileName(null, "f"));
        assertEquals("f", ContentDisposition.fileName("inline", "f"));
    }
}
