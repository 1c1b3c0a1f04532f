package io.fleetdashboard.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's choices (theme, auto-refresh period); updatedAt in epoch ms. */
@Entity
@Table(name = "user_preference")
public class UserPreference {

    @Id
    private String username;

    @Column(nullable = false)
    private String theme = "light";

    @Column(name = "auto_refresh_seconds", nullable = false)
    private int autoRefreshSeconds;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected UserPreference() {
    }

    public UserPreference(String username) {
        this.username = username;
    }

    public String getUsername() {
        return username;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }

    public int getAutoRefreshSeconds() {
        return autoRefreshSeconds;
    }

    public void setAutoRefreshSeconds(int autoRefreshSeconds) {
        this.autoRefreshSeconds = autoRefreshSeconds;
    }

    public void touch(long epochMillis) {
        this.updatedAt = epochMillis;
    }
}
