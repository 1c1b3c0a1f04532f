package io.fleetdashboard.insights.entity;

import java.util.Locale;

/** What an insight is about: something down, something starved, something exposed, an image. */
public enum InsightCategory {
    AVAILABILITY, RESOURCE, SECURITY, IMAGE;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
