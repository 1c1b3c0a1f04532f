package io.fleetdashboard.insights.entity;

import java.util.Locale;

/** OPEN while its condition holds; RESOLVED once a round no longer sees it. */
public enum InsightStatus {
    OPEN, RESOLVED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
