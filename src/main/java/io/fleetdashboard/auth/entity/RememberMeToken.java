package io.fleetdashboard.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One "keep me signed in" token, by the SHA-256 of its value (the value is only ever in the user's cookie). */
@Entity
@Table(name = "remember_me_token")
@NamedQuery(name = "RememberMeToken.deleteSeries", query = "DELETE FROM RememberMeToken t WHERE t.series = :series")
@NamedQuery(name = "RememberMeToken.deleteExpired", query = "DELETE FROM RememberMeToken t WHERE t.expiresAt < :now")
@NamedQuery(name = "RememberMeToken.deleteUser", query = "DELETE FROM RememberMeToken t WHERE t.username = :username")
public class RememberMeToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(nullable = false)
    private String series;

    @Column(nullable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "user_fingerprint", nullable = false)
    private String userFingerprint;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(nullable = false)
    private boolean rotated;

    protected RememberMeToken() {
    }

    public RememberMeToken(String tokenHash, String series, String username, Role role, String userFingerprint,
            long createdAt, long expiresAt) {
        this.tokenHash = tokenHash;
        this.series = series;
        this.username = username;
        this.role = role;
        this.userFingerprint = userFingerprint;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getSeries() {
        return series;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public String getUserFingerprint() {
        return userFingerprint;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public long getExpiresAt() {
        return expiresAt;
    }

    public boolean isRotated() {
        return rotated;
    }

    /** Replaced by a newer token of the series; it stays valid only until the grace period ends. */
    public void rotatedOut(long graceUntil) {
        rotated = true;
        expiresAt = Math.min(expiresAt, graceUntil);
    }
}
