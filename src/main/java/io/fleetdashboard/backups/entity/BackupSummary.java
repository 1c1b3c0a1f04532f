package io.fleetdashboard.backups.entity;

import java.time.Instant;

/**
 * A backup as the API and the page show it.
 *
 * @param bytes             written so far while RUNNING, the archive's size when DONE
 * @param passwordProtected a password was given (Portainer encrypts the archive with it)
 * @param gzip              the archive is a plain tar.gz (not encrypted)
 * @param message           why it failed, or null
 */
public record BackupSummary(long id, String environment, String fileName, String status, long bytes,
                            boolean passwordProtected, boolean gzip, boolean scheduled, String requestedBy,
                            String message, Instant createdAt, Instant finishedAt) {

    public static BackupSummary of(PortainerBackup b, long progressBytes) {
        return new BackupSummary(b.getId() == null ? 0 : b.getId(), b.getEnvironment(),
                b.getStatus() == BackupStatus.DONE ? b.getFileName() : null, b.getStatus().name().toLowerCase(
                java.util.Locale.ROOT), b.getStatus() == BackupStatus.RUNNING ? progressBytes : b.getBytes(),
                b.isWithPassword(), b.isGzip(), b.isScheduled(), b.getRequestedBy(), b.getMessage(), b.getCreatedAt(),
                b.getFinishedAt());
    }
}
