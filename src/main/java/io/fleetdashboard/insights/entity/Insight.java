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
import java.util.Arrays;
import java.util.List;

/** One occurrence of a condition (V7__insights.sql): opened by a round, updated while it lasts, then resolved. */
@Entity
@Table(name = "insight")
@NamedQuery(name = "Insight.findOpen", query = "SELECT i FROM Insight i WHERE i.status = io.fleetdashboard.insights"
        + ".entity.InsightStatus.OPEN")
@NamedQuery(name = "Insight.deleteResolvedBefore", query = "DELETE FROM Insight i WHERE i.status = "
        + "io.fleetdashboard.insights.entity.InsightStatus.RESOLVED AND i.resolvedAt < :before")
public class Insight {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "condition_key", nullable = false)
    private String conditionKey;

    @Column(nullable = false)
    private String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InsightSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InsightCategory category;

    @Column(name = "severity_rank", nullable = false)
    private int severityRank;

    @Column(nullable = false)
    private String title;

    private String detail;

    @Column(nullable = false)
    private String resources;

    private String recommended;

    @Column(name = "first_value")
    private Double firstValue;

    @Column(name = "last_value")
    private Double lastValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InsightStatus status;

    @Column(name = "first_seen", nullable = false)
    private long firstSeen;

    @Column(name = "last_seen", nullable = false)
    private long lastSeen;

    @Column(name = "resolved_at")
    private Long resolvedAt;

    @Column(nullable = false)
    private int rounds;

    @Column(nullable = false)
    private boolean simulated;

    protected Insight() {
    }

    public Insight(Condition c, long now, boolean simulated) {
        this.conditionKey = c.key();
        this.kind = c.kind();
        this.status = InsightStatus.OPEN;
        this.firstSeen = now;
        this.firstValue = c.value();
        this.simulated = simulated;
        this.rounds = 0;
        seen(c, now);
    }

    /** The condition holds again in this round: what may change while it lasts is taken over. */
    public final void seen(Condition c, long now) {
        this.severity = c.severity();
        this.severityRank = c.severity().ordinal();
        this.category = c.category();
        this.title = c.title();
        this.detail = c.detail();
        this.resources = String.join("\n", c.resources());
        this.recommended = c.recommended();
        this.lastValue = c.value();
        this.lastSeen = now;
        this.rounds++;
    }

    /**
     * True when what its history records (severity, title, value) differs from the condition; the detail (Docker's
     * status text, "Up 3 hours") changes every round and is only taken over.
     */
    public boolean differsFrom(Condition c) {
        return severity != c.severity() || !title.equals(c.title()) || !java.util.Objects.equals(lastValue, c.value());
    }

    public void resolve(long now) {
        this.status = InsightStatus.RESOLVED;
        this.resolvedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getConditionKey() {
        return conditionKey;
    }

    public String getKind() {
        return kind;
    }

    public InsightSeverity getSeverity() {
        return severity;
    }

    public InsightCategory getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    public List<String> resourceList() {
        return resources.isEmpty() ? List.of() : Arrays.asList(resources.split("\n"));
    }

    public String getRecommended() {
        return recommended;
    }

    public Double getFirstValue() {
        return firstValue;
    }

    public Double getLastValue() {
        return lastValue;
    }

    public InsightStatus getStatus() {
        return status;
    }

    public Instant firstSeen() {
        return Instant.ofEpochMilli(firstSeen);
    }

    public Instant lastSeen() {
        return Instant.ofEpochMilli(lastSeen);
    }

    public Instant resolvedAt() {
        return resolvedAt == null ? null : Instant.ofEpochMilli(resolvedAt);
    }

    public int getRounds() {
        return rounds;
    }

    public boolean isSimulated() {
        return simulated;
    }
}
