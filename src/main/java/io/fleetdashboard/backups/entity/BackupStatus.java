package io.fleetdashboard.backups.entity;

/** Where a backup stands: being written, complete (its archive is on disk), or failed (no archive). */
public enum BackupStatus {
    RUNNING, DONE, FAILED
}
