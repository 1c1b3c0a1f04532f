package io.fleetdashboard.backups.entity;

/** A backup request refused: invalid input (400), unknown backup or environment (404), or a conflict (409). */
public class BackupRefused extends RuntimeException {

    public enum Why { INVALID, NOT_FOUND, CONFLICT }

    private final Why why;

    public BackupRefused(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
