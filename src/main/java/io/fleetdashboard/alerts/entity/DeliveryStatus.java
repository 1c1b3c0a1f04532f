package io.fleetdashboard.alerts.entity;

import java.util.Locale;

/** The outcome of one delivery attempt; SUPPRESSED: not attempted, a maintenance window was on. */
public enum DeliveryStatus {
    SENT, FAILED, SUPPRESSED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
