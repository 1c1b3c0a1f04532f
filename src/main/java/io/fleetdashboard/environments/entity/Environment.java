package io.fleetdashboard.environments.entity;

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

/** A registered Portainer server. The API key is kept only as ciphertext (SecretCipher). Timestamps: epoch ms. */
@Entity
@Table(name = "environment")
@NamedQuery(name = "Environment.findAll", query = "SELECT e FROM Environment e ORDER BY e.name")
@NamedQuery(name = "Environment.findByName", query = "SELECT e FROM Environment e WHERE e.name = :name")
public class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "api_url", nullable = false)
    private String apiUrl;

    @Column(name = "api_key_ciphertext", nullable = false)
    private String apiKeyCiphertext;

    @Column(name = "verify_ssl", nullable = false)
    private boolean verifySsl = true;

    @Column(name = "timeout_seconds", nullable = false)
    private int timeoutSeconds = 60;

    /** PEM certificates trusted for TLS to this server instead of the JVM's; null: the JVM's. */
    @Column(name = "ca_bundle")
    private String caBundle;

    /** 0: the server-wide connect timeout. */
    @Column(name = "connect_timeout_seconds", nullable = false)
    private int connectTimeoutSeconds;

    /** Calls in flight to this server during a refresh; 0: the server-wide limit. */
    @Column(name = "max_concurrency", nullable = false)
    private int maxConcurrency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnvironmentSource source;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public String getApiKeyCiphertext() {
        return apiKeyCiphertext;
    }

    public void setApiKeyCiphertext(String apiKeyCiphertext) {
        this.apiKeyCiphertext = apiKeyCiphertext;
    }

    public boolean isVerifySsl() {
        return verifySsl;
    }

    public void setVerifySsl(boolean verifySsl) {
        this.verifySsl = verifySsl;
    }

    public int getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public void setTimeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    public String getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(String caBundle) {
        this.caBundle = caBundle;
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    public int getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(int maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public EnvironmentSource getSource() {
        return source;
    }

    public void setSource(EnvironmentSource source) {
        this.source = source;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }

    public Instant getUpdatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }

    public void touch(Instant now) {
        if (createdAt == 0) {
            createdAt = now.toEpochMilli();
        }
        updatedAt = now.toEpochMilli();
    }

    /** @param origin where it is defined, for people (see {@link EnvironmentSummary#origin()}) */
    public EnvironmentSummary summary(String origin) {
        return new EnvironmentSummary(name, displayName, apiUrl, verifySsl, source.name(), enabled, false,
                timeoutSeconds, connectTimeoutSeconds, maxConcurrency, caBundle != null && !caBundle.isBlank(),
                Instant.ofEpochMilli(updatedAt), origin);
    }

    @Override
    public String toString() {
        return "Environment[name=" + name + ", apiUrl=" + apiUrl + ", source=" + source + ", enabled=" + enabled + "]";
    }
}
