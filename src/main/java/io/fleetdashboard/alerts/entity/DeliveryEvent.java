package io.fleetdashboard.alerts.entity;

import java.util.Locale;

/** Why something was sent: an insight's first notice, a re-notify, its resolution, or the channel's test. */
public enum DeliveryEvent {
    FIRING, REPEAT, RESOLVED, TEST;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
