package io.fleetdashboard.alerts.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** That a channel was sent an insight (V8__alerts.sql): the de-duplication and re-notify state of the pair. */
@Entity
@Cacheable(false)
@Table(name = "alert_notice")
@IdClass(AlertNotice.Key.class)
@NamedQuery(name = "AlertNotice.ofChannel", query = "SELECT n FROM AlertNotice n WHERE n.channelId = :channel")
@NamedQuery(name = "AlertNotice.resolvedUnsent", query = "SELECT n FROM AlertNotice n, Insight i "
        + "WHERE n.insightId = i.id AND n.channelId = :channel AND n.resolvedSent = false "
        + "AND i.status = io.fleetdashboard.insights.entity.InsightStatus.RESOLVED")
@NamedQuery(name = "AlertNotice.ofInsight", query = "SELECT n FROM AlertNotice n WHERE n.insightId = :insight")
public class AlertNotice {

    /** The primary key: channel and insight. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private long channelId;
        private long insightId;

        public Key() {
        }

        public Key(long channelId, long insightId) {
            this.channelId = channelId;
            this.insightId = insightId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.channelId == channelId && k.insightId == insightId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(channelId, insightId);
        }
    }

    @Id
    @Column(name = "channel_id")
    private long channelId;

    @Id
    @Column(name = "insight_id")
    private long insightId;

    @Column(name = "first_sent_at", nullable = false)
    private long firstSentAt;

    @Column(name = "last_sent_at", nullable = false)
    private long lastSentAt;

    @Column(nullable = false)
    private int sends;

    @Column(name = "resolved_sent", nullable = false)
    private boolean resolvedSent;

    protected AlertNotice() {
    }

    public AlertNotice(long channelId, long insightId, Instant at) {
        this.channelId = channelId;
        this.insightId = insightId;
        this.firstSentAt = at.toEpochMilli();
        this.lastSentAt = firstSentAt;
        this.sends = 1;
    }

    public void sentAgain(Instant at) {
        this.lastSentAt = at.toEpochMilli();
        this.sends++;
    }

    public void resolvedSent() {
        this.resolvedSent = true;
    }

    public long getChannelId() {
        return channelId;
    }

    public long getInsightId() {
        return insightId;
    }

    public Instant firstSentAt() {
        return Instant.ofEpochMilli(firstSentAt);
    }

    public Instant lastSentAt() {
        return Instant.ofEpochMilli(lastSentAt);
    }

    public int getSends() {
        return sends;
    }

    public boolean isResolvedSent() {
        return resolvedSent;
    }
}
