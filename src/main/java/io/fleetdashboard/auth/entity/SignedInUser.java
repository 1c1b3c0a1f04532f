package io.fleetdashboard.auth.entity;

import java.io.Serializable;

/** The session's signed-in user; lastActivity is ours (not the container's), so polling can leave it alone. */
public class SignedInUser implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String username;
    private final Role role;
    private final boolean keepSignedIn;
    private final long timeoutSeconds;
    private volatile long lastActivityMillis;

    public SignedInUser(String username, Role role, boolean keepSignedIn, long timeoutSeconds, long nowMillis) {
        this.username = username;
        this.role = role;
        this.keepSignedIn = keepSignedIn;
        this.timeoutSeconds = timeoutSeconds;
        this.lastActivityMillis = nowMillis;
    }

    public String getUsername() {
        return username;
    }

    public Role getRole() {
        return role;
    }

    public boolean isKeepSignedIn() {
        return keepSignedIn;
    }

    public long getTimeoutSeconds() {
        return timeoutSeconds;
    }

    public long getLastActivityMillis() {
        return lastActivityMillis;
    }

    public void touch(long nowMillis) {
        lastActivityMillis = nowMillis;
    }

    public long remainingSeconds(long nowMillis) {
        long left = timeoutSeconds - (nowMillis - lastActivityMillis) / 1000;
        return Math.max(0, left);
    }

    public boolean expired(long nowMillis) {
        return nowMillis - lastActivityMillis >= timeoutSeconds * 1000;
    }
}
