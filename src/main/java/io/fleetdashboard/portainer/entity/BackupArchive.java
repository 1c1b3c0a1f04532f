package io.fleetdashboard.portainer.entity;

/**
 * A backup archive Portainer sent: the file name it gave (Content-Disposition, made safe) and the bytes written.
 *
 * @param fileName e.g. portainer-backup_2024-10-23_18-23-24.tar.gz (".encrypted" appended when a password was used)
 */
public record BackupArchive(String fileName, String contentType, long bytes) {
}
