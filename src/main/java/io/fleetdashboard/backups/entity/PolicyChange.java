package io.fleetdashboard.backups.entity;

/** The body of PUT /api/v1/backups/settings: what changes (null: unchanged). */
public record PolicyChange(Integer keep, String interval) {
}
