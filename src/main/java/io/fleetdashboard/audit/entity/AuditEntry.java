package io.fleetdashboard.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One audit log row (V5__audit.sql); written once, never changed. */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = "AuditEntry.findUsers", query = "SELECT DISTINCT a.username FROM AuditEntry a ORDER BY a.username")
@NamedQuery(name = "AuditEntry.findActions", query = "SELECT DISTINCT a.action FROM AuditEntry a ORDER BY a.action")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long at;

    @Column(nullable = false)
    private String username;

    private String role;

    @Column(nullable = false)
    private String action;

    private String target;

    @Column(name = "target_name")
    private String targetName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditResult result;

    @Column(name = "duration_ms", nullable = false)
    private long durationMillis;

    private String detail;

    protected AuditEntry() {
    }

    public AuditEntry(long at, String username, String role, String action, String target, String targetName,
                      AuditResult result, long durationMillis, String detail) {
        this.at = at;
        this.username = username;
        this.role = role;
        this.action = action;
        this.target = target;
        this.targetName = targetName;
        this.result = result;
        this.durationMillis = durationMillis;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public long getAt() {
        return at;
    }

    public String getUsername() {
        return username;
    }

    public String getRole() {
        return role;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getTargetName() {
        return targetName;
    }

    public AuditResult getResult() {
        return result;
    }

    public long getDurationMillis() {
        return durationMillis;
    }

    public String getDetail() {
        return detail;
    }
}
