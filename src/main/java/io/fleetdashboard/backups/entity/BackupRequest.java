package io.fleetdashboard.backups.entity;

/** The body of POST /api/v1/environments/{name}/backups: an optional password Portainer encrypts the archive with. */
public record BackupRequest(String password) {

    @Override
    public String toString() {
        return "BackupRequest[password=" + (password == null ? "none" : "****") + "]";
    }
}
