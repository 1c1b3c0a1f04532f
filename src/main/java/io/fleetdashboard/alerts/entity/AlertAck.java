package io.fleetdashboard.alerts.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** An acknowledged insight (V8__alerts.sql): no channel is sent it again while it stays open. */
@Entity
@Cacheable(false)
@Table(name = "alert_ack")
@NamedQuery(name = "AlertAck.all", query = "SELECT a FROM AlertAck a ORDER BY a.ackedAt DESC")
public class AlertAck {

    @Id
    @Column(name = "insight_id")
    private long insightId;

    @Column(name = "acked_by", nullable = false)
    private String ackedBy;

    @Column(name = "acked_at", nullable = false)
    private long ackedAt;

    private String note;

    protected AlertAck() {
    }

    public AlertAck(long insightId, String by, Instant at, String note) {
        this.insightId = insightId;
        this.ackedBy = by;
        this.ackedAt = at.toEpochMilli();
        this.note = note;
    }

    public long getInsightId() {
        return insightId;
    }

    public String getAckedBy() {
        return ackedBy;
    }

    public Instant ackedAt() {
        return Instant.ofEpochMilli(ackedAt);
    }

    public String getNote() {
        return note;
    }
}
