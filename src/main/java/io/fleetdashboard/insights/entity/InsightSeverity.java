package io.fleetdashboard.insights.entity;

import java.util.Locale;

/** How urgent an insight is, worst first. */
public enum InsightSeverity {
    CRITICAL, WARNING, INFO;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
