package io.fleetdashboard.backups.entity;

/**
 * The backup settings in force: retention and schedule.
 *
 * @param keep             archives kept per environment (older ones deleted after each backup)
 * @param interval         the schedule as entered ("24h"), or "off"
 * @param intervalSeconds  0: no scheduled backups
 * @param intervalFromVariable true when PORTAINER_BACKUP_INTERVAL sets it (then not editable in the UI)
 */
public record BackupPolicy(int keep, String interval, long intervalSeconds, boolean intervalFromVariable) {
}
