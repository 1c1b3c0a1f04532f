package io.fleetdashboard.live.entity;

import java.time.Instant;
import java.util.Locale;

/**
 * Something pages show has changed: fired (as a CDI event) by the component that changed it, pushed to the pages
 * that listen for its topic (GET /api/v1/live), which then reload the part that shows it.
 */
public record LiveChange(Topic topic, Instant at) {

    /** What changed: the insights (a monitoring round), remediation actions, alert deliveries. */
    public enum Topic {
        INSIGHTS, REMEDIATION, ALERTS;

        public String apiName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static LiveChange of(Topic topic) {
        return new LiveChange(topic, Instant.now());
    }
}
