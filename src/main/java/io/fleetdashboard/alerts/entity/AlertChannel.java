package io.fleetdashboard.alerts.entity;

import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
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
import java.util.Locale;

/**
 * A channel insights are sent to (V8__alerts.sql), with its rule: the least severity, the categories and kinds it
 * takes (empty: all), the re-notify interval and whether resolutions are sent. The secret (webhook URL or SMTP
 * password) is stored encrypted and never leaves the server; {@link #getSecretHint()} is what may be shown of it.
 */
@Entity
@Table(name = "alert_channel")
@NamedQuery(name = "AlertChannel.all", query = "SELECT c FROM AlertChannel c ORDER BY c.name")
@NamedQuery(name = "AlertChannel.enabled", query = "SELECT c FROM AlertChannel c WHERE c.enabled = true ORDER BY c.id")
@NamedQuery(name = "AlertChannel.byName", query = "SELECT c FROM AlertChannel c WHERE c.name = :name")
public class AlertChannel {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ChannelKind kind;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_severity", nullable = false)
    private InsightSeverity minSeverity;

    @Column(nullable = false)
    private String categories;

    @Column(nullable = false)
    private String kinds;

    @Column(name = "renotify_seconds", nullable = false)
    private long renotifySeconds;

    @Column(name = "notify_resolved", nullable = false)
    private boolean notifyResolved;

    private String secret;

    @Column(name = "secret_hint")
    private String secretHint;

    @Column(name = "smtp_host")
    private String smtpHost;

    @Column(name = "smtp_port")
    private Integer smtpPort;

    @Column(name = "smtp_username")
    private String smtpUsername;

    @Column(name = "smtp_starttls", nullable = false)
    private boolean smtpStarttls;

    @Column(name = "mail_from")
    private String mailFrom;

    @Column(name = "mail_to")
    private String mailTo;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected AlertChannel() {
    }

    public AlertChannel(String name, ChannelKind kind, Instant now) {
        this.name = name;
        this.kind = kind;
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
        this.categories = "";
        this.kinds = "";
        this.minSeverity = InsightSeverity.WARNING;
        this.enabled = true;
    }

    /** Takes over everything but the secret (see {@link #secret(String, String)}). */
    public void apply(ChannelSettings s, Instant now) {
        this.name = s.name();
        this.kind = s.kind();
        this.enabled = s.enabled();
        this.minSeverity = s.minSeverity();
        this.categories = String.join(",", s.categories().stream().map(InsightCategory::name).toList());
        this.kinds = String.join(",", s.kinds());
        this.renotifySeconds = s.renotifySeconds();
        this.notifyResolved = s.notifyResolved();
        this.smtpHost = s.smtpHost();
        this.smtpPort = s.smtpPort();
        this.smtpUsername = s.smtpUsername();
        this.smtpStarttls = s.smtpStarttls();
        this.mailFrom = s.mailFrom();
        this.mailTo = String.join(",", s.mailTo());
        this.updatedAt = now.toEpochMilli();
    }

    public void secret(String encrypted, String hint) {
        this.secret = encrypted;
        this.secretHint = hint;
    }

    public void enabled(boolean on, Instant now) {
        this.enabled = on;
        this.updatedAt = now.toEpochMilli();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ChannelKind getKind() {
        return kind;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public InsightSeverity getMinSeverity() {
        return minSeverity;
    }

    public List<InsightCategory> categoryList() {
        return categories.isBlank() ? List.of() : Arrays.stream(categories.split(","))
                .map(c -> InsightCategory.valueOf(c.strip().toUpperCase(Locale.ROOT))).toList();
    }

    public List<String> kindList() {
        return kinds.isBlank() ? List.of() : Arrays.stream(kinds.split(",")).map(String::strip).toList();
    }

    public long getRenotifySeconds() {
        return renotifySeconds;
    }

    public boolean isNotifyResolved() {
        return notifyResolved;
    }

    /** The encrypted secret (v1:...), for the delivery only. */
    public String encryptedSecret() {
        return secret;
    }

    public boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    public String getSecretHint() {
        return secretHint;
    }

    public String getSmtpHost() {
        return smtpHost;
    }

    public Integer getSmtpPort() {
        return smtpPort;
    }

    public String getSmtpUsername() {
        return smtpUsername;
    }

    public boolean isSmtpStarttls() {
        return smtpStarttls;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public List<String> mailToList() {
        return mailTo == null || mailTo.isBlank() ? List.of() : Arrays.stream(mailTo.split(",")).map(String::strip)
                .toList();
    }

    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant updatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }

    /** Where it sends, without any secret: the webhook's host or the SMTP server and recipients. */
    public String getDestination() {
        if (kind == ChannelKind.EMAIL) {
            return String.join(", ", mailToList()) + " via " + smtpHost + ":" + smtpPort;
        }
        return secretHint == null ? "(no URL)" : secretHint;
    }
}
