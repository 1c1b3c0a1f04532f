package io.fleetdashboard.alerts.entity;

import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.util.List;

/**
 * A channel as an admin configures it, validated. {@code secret} is the webhook URL or the SMTP password: null keeps
 * the stored one (an update that does not repeat it). Email channels need the SMTP host, port, sender and recipients.
 */
public record ChannelSettings(String name, ChannelKind kind, boolean enabled, InsightSeverity minSeverity,
                              List<InsightCategory> categories, List<String> kinds, long renotifySeconds,
                              boolean notifyResolved, String secret, String smtpHost, Integer smtpPort,
                              String smtpUsername, boolean smtpStarttls, String mailFrom, List<String> mailTo) {

    public ChannelSettings {
        categories = categories == null ? List.of() : List.copyOf(categories);
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        mailTo = mailTo == null ? List.of() : List.copyOf(mailTo);
    }
}
