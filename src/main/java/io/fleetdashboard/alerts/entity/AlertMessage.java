package io.fleetdashboard.alerts.entity;

import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.time.Instant;
import java.util.List;

/**
 * What one channel is sent about one insight, taken when it was decided (later rounds do not change it). A test
 * message has no insight (id, condition null).
 */
public record AlertMessage(long channelId, String channelName, ChannelKind channelKind, DeliveryEvent event,
                           Long insightId, String condition, String kind, InsightSeverity severity,
                           InsightCategory category, String title, String detail, List<String> resources,
                           String recommended, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
                           boolean simulated, Instant decidedAt) {

    public AlertMessage {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    public static AlertMessage of(AlertChannel channel, Insight i, DeliveryEvent event, Instant now) {
        return new AlertMessage(channel.getId(), channel.getName(), channel.getKind(), event, i.getId(),
                i.getConditionKey(), i.getKind(), i.getSeverity(), i.getCategory(), i.getTitle(), i.getDetail(),
                i.resourceList(), i.getRecommended(), i.firstSeen(), i.lastSeen(), i.resolvedAt(), i.isSimulated(),
                now);
    }

    public static AlertMessage test(AlertChannel channel, String by, Instant now) {
        return new AlertMessage(channel.getId(), channel.getName(), channel.getKind(), DeliveryEvent.TEST, null, null,
                "test", InsightSeverity.INFO, null, "Test message from Fleet Dashboard",
                "Sent by " + by + " to check the channel \"" + channel.getName() + "\". Nothing is wrong.", List.of(),
                null, now, now, null, false, now);
    }
}
