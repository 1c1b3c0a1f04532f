package io.fleetdashboard.remediation.entity;

import io.fleetdashboard.portainer.entity.ContainerAction;
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

/** A suggested container action (V7__insights.sql, remediation_action); moves only forward, see ActionStatus. */
@Entity
@Table(name = "remediation_action")
@NamedQuery(name = "RemediationAction.findOpenFor", query = "SELECT a FROM RemediationAction a WHERE a.target = "
        + ":target AND a.action = :action AND a.status IN (io.fleetdashboard.remediation.entity.ActionStatus.PENDING, "
        + "io.fleetdashboard.remediation.entity.ActionStatus.APPROVED)")
@NamedQuery(name = "RemediationAction.countByStatus", query = "SELECT COUNT(a) FROM RemediationAction a WHERE "
        + "a.status = :status")
@NamedQuery(name = "RemediationAction.findByStatus", query = "SELECT a FROM RemediationAction a WHERE a.status = "
        + ":status ORDER BY a.createdAt DESC, a.id DESC")
@NamedQuery(name = "RemediationAction.findRecent", query = "SELECT a FROM RemediationAction a "
        + "ORDER BY a.createdAt DESC, a.id DESC")
public class RemediationAction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "insight_id")
    private Long insightId;

    @Column(name = "condition_key", nullable = false)
    private String conditionKey;

    @Column(name = "insight_title", nullable = false)
    private String insightTitle;

    @Column(name = "insight_severity", nullable = false)
    private String insightSeverity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContainerAction action;

    @Column(nullable = false)
    private String target;

    @Column(name = "target_name", nullable = false)
    private String targetName;

    private String rationale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ActionStatus status;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "decided_at")
    private Long decidedAt;

    private String reason;

    @Column(name = "executed_by")
    private String executedBy;

    @Column(name = "executed_at")
    private Long executedAt;

    private String result;

    @Column(nullable = false)
    private boolean simulated;

    protected RemediationAction() {
    }

    public RemediationAction(Long insightId, String conditionKey, String insightTitle, String insightSeverity,
                             ContainerAction action, String target, String targetName, String rationale,
                             Instant createdAt, Instant expiresAt, boolean simulated) {
        this.insightId = insightId;
        this.conditionKey = conditionKey;
        this.insightTitle = insightTitle;
        this.insightSeverity = insightSeverity;
        this.action = action;
        this.target = target;
        this.targetName = targetName;
        this.rationale = rationale;
        this.status = ActionStatus.PENDING;
        this.createdAt = createdAt.toEpochMilli();
        this.expiresAt = expiresAt.toEpochMilli();
        this.simulated = simulated;
    }

    public Long getId() {
        return id;
    }

    public Long getInsightId() {
        return insightId;
    }

    public String getConditionKey() {
        return conditionKey;
    }

    public String getInsightTitle() {
        return insightTitle;
    }

    public String getInsightSeverity() {
        return insightSeverity;
    }

    public ContainerAction getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getTargetName() {
        return targetName;
    }

    public String getRationale() {
        return rationale;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAt);
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt == null ? null : Instant.ofEpochMilli(decidedAt);
    }

    public String getReason() {
        return reason;
    }

    public String getExecutedBy() {
        return executedBy;
    }

    public Instant executedAt() {
        return executedAt == null ? null : Instant.ofEpochMilli(executedAt);
    }

    public String getResult() {
        return result;
    }

    public boolean isSimulated() {
        return simulated;
    }
}
