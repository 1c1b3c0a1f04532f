package io.fleetdashboard.alerts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One delivery attempt (V8__alerts.sql), written once: which channel, which insight (none for a test), why, how it
 * went and why not ({@code reason} never holds a secret). {@code lastAttempt}: no retry follows this one.
 */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id")
    private Long channelId;

    @Column(name = "channel_name", nullable = false)
    private String channelName;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel_kind", nullable = false)
    private ChannelKind channelKind;

    @Column(name = "insight_id")
    private Long insightId;

    @Column(name = "condition_key")
    private String conditionKey;

    @Column(nullable = false)
    private String title;

    private String severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryEvent event;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "last_attempt", nullable = false)
    private boolean lastAttempt;

    @Column(nullable = false)
    private long at;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    private String reason;

    @Column(nullable = false)
    private boolean simulated;

    protected AlertDelivery() {
    }

    public AlertDelivery(AlertMessage message, DeliveryStatus status, int attempt, boolean lastAttempt, Instant at,
                         long durationMs, String reason) {
        this.channelId = message.channelId();
        this.channelName = message.channelName();
        this.channelKind = message.channelKind();
        this.insightId = message.insightId();
        this.conditionKey = message.condition();
        this.title = message.title();
        this.severity = message.severity() == null ? null : message.severity().apiName();
        this.event = message.event();
        this.status = status;
        this.attempt = attempt;
        this.lastAttempt = lastAttempt;
        this.at = at.toEpochMilli();
        this.durationMs = durationMs;
        this.reason = reason;
        this.simulated = message.simulated();
    }

    public Long getId() {
        return id;
    }

    public Long getChannelId() {
        return channelId;
    }

    public String getChannelName() {
        return channelName;
    }

    public ChannelKind getChannelKind() {
        return channelKind;
    }

    public Long getInsightId() {
        return insightId;
    }

    public String getConditionKey() {
        return conditionKey;
    }

    public String getTitle() {
        return title;
    }

    public String getSeverity() {
        return severity;
    }

    public DeliveryEvent getEvent() {
        return event;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempt() {
        return attempt;
    }

    public boolean isLastAttempt() {
        return lastAttempt;
    }

    public Instant at() {
        return Instant.ofEpochMilli(at);
    }

    public long getDurationMs() {
        return durationMs;
    }

    public String getReason() {
        return reason;
    }

    public boolean isSimulated() {
        return simulated;
    }
}
