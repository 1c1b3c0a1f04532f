package io.fleetdashboard.alerts.boundary;

import io.fleetdashboard.alerts.entity.AlertAck;
import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.AlertDelivery;
import io.fleetdashboard.alerts.entity.MaintenanceWindow;
import io.fleetdashboard.insights.entity.InsightCategory;
import java.time.Instant;
import java.util.List;

/** The API's views of channels (never with a secret), deliveries, acknowledgements and maintenance windows. */
public final class AlertJson {

    private AlertJson() {
    }

    /** A channel; {@code secretSet} says a URL or password is stored, {@code destination} what may be shown of it. */
    public record Channel(long id, String name, String kind, boolean enabled, String minSeverity,
                          List<String> categories, List<String> kinds, long renotifySeconds, boolean notifyResolved,
                          String destination, boolean secretSet, String smtpHost, Integer smtpPort,
                          String smtpUsername, boolean smtpStarttls, String from, List<String> to, Instant createdAt,
                          Instant updatedAt) {

        static Channel of(AlertChannel c) {
            boolean email = !c.getKind().webhook();
            return new Channel(c.getId(), c.getName(), c.getKind().apiName(), c.isEnabled(),
                    c.getMinSeverity().apiName(), c.categoryList().stream().map(InsightCategory::apiName).toList(),
                    c.kindList(), c.getRenotifySeconds(), c.isNotifyResolved(), c.getDestination(), c.hasSecret(),
                    email ? c.getSmtpHost() : null, email ? c.getSmtpPort() : null,
                    email ? c.getSmtpUsername() : null, email && c.isSmtpStarttls(), email ? c.getMailFrom() : null,
                    email ? c.mailToList() : List.of(), c.createdAt(), c.updatedAt());
        }
    }

    /** One delivery attempt. */
    public record Delivery(long id, Long channelId, String channel, String channelKind, Long insightId,
                           String condition, String title, String severity, String event, String status, int attempt,
                           boolean lastAttempt, Instant at, long durationMs, String reason, boolean simulated) {

        static Delivery of(AlertDelivery d) {
            return new Delivery(d.getId(), d.getChannelId(), d.getChannelName(), d.getChannelKind().apiName(),
                    d.getInsightId(), d.getConditionKey(), d.getTitle(), d.getSeverity(), d.getEvent().apiName(),
                    d.getStatus().apiName(), d.getAttempt(), d.isLastAttempt(), d.at(), d.getDurationMs(),
                    d.getReason(), d.isSimulated());
        }
    }

    /** A page of deliveries, newest first. */
    public record Deliveries(int total, int offset, int limit, List<Delivery> items) {
    }

    public record Ack(long insightId, String by, Instant at, String note) {
        static Ack of(AlertAck a) {
            return new Ack(a.getInsightId(), a.getAckedBy(), a.ackedAt(), a.getNote());
        }
    }

    public record Window(long id, String name, Instant startsAt, Instant endsAt, boolean active, String createdBy,
                         Instant createdAt) {
        static Window of(MaintenanceWindow w, Instant now) {
            return new Window(w.getId(), w.getName(), w.startsAt(), w.endsAt(), w.covers(now), w.getCreatedBy(),
                    w.createdAt());
        }
    }

    /** Whether alerts go out, and the window in effect if any. */
    public record Status(boolean enabled, int maxAttempts, int channels, int enabledChannels, Window activeWindow) {
    }
}
