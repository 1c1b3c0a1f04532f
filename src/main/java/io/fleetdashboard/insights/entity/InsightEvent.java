package io.fleetdashboard.insights.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an insight's history (V7__insights.sql); written once. */
@Entity
@Table(name = "insight_event")
@NamedQuery(name = "InsightEvent.findByInsight", query = "SELECT e FROM InsightEvent e WHERE e.insightId = :insight "
        + "ORDER BY e.at, e.id")
public class InsightEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "insight_id", nullable = false)
    private long insightId;

    @Column(nullable = false)
    private long at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InsightChange change;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InsightSeverity severity;

    private String detail;

    protected InsightEvent() {
    }

    public InsightEvent(long insightId, long at, InsightChange change, InsightSeverity severity, String detail) {
        this.insightId = insightId;
        this.at = at;
        this.change = change;
        this.severity = severity;
        this.detail = detail;
    }

    public Instant at() {
        return Instant.ofEpochMilli(at);
    }

    public InsightChange getChange() {
        return change;
    }

    public InsightSeverity getSeverity() {
        return severity;
    }

    public String getDetail() {
        return detail;
    }
}
