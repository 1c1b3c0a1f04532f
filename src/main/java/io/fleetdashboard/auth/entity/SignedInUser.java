package io.fleetdashboard.auth.entity;

import java.io.Serializable;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The session's signed-in user; lastActivity is ours (not the container's), so polling can leave it alone. Each
 * sign-in has a random id (the Sessions page names it, a forced sign-out ends it), says how it was made and from
 * where. A single sign-on user may hold stronger roles in named environments only ({@link #getScopedRoles}); the
 * ID token is kept (in the session only) as the hint for the provider's sign-out.
 */
public class SignedInUser implements Serializable {

    private static final long serialVersionUID = 2L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String username;
    private final Role role;
    private final boolean keepSignedIn;
    private final long timeoutSeconds;
    private volatile long lastActivityMillis;
    private final String signInId;
    private final SignInMethod method;
    private final long sinceMillis;
    private final String address;
    private final String userAgent;
    private final Map<String, Role> scopedRoles;
    private final String idToken;

    public SignedInUser(String username, Role role, boolean keepSignedIn, long timeoutSeconds, long nowMillis) {
        this(username, role, keepSignedIn, timeoutSeconds, nowMillis, SignInMethod.STATIC, null, null, Map.of(), null);
    }

    public SignedInUser(String username, Role role, boolean keepSignedIn, long timeoutSeconds, long nowMillis,
            SignInMethod method, String address, String userAgent, Map<String, Role> scopedRoles, String idToken) {
        this.username = username;
        this.role = role;
        this.keepSignedIn = keepSignedIn;
        this.timeoutSeconds = timeoutSeconds;
        this.lastActivityMillis = nowMillis;
        this.sinceMillis = nowMillis;
        this.method = method;
        this.address = address;
        this.userAgent = userAgent == null || userAgent.length() <= 300 ? userAgent : userAgent.substring(0, 300);
        this.scopedRoles = Map.copyOf(scopedRoles);
        this.idToken = idToken;
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        this.signInId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String getUsername() {
        return username;
    }

    /** The role everywhere (for a single sign-on user with environment roles only: the weakest, viewer). */
    public Role getRole() {
        return role;
    }

    /** The role in one environment: the environment's own when stronger than the global one. */
    public Role roleIn(String environment) {
        Role scoped = environment == null ? null : scopedRoles.get(environment);
        return scoped != null && scoped.includes(role) ? scoped : role;
    }

    /** The strongest role held anywhere. */
    public Role strongestRole() {
        Role best = role;
        for (Role scoped : scopedRoles.values()) {
            if (scoped.includes(best)) {
                best = scoped;
            }
        }
        return best;
    }

    public Map<String, Role> getScopedRoles() {
        return scopedRoles;
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

    public String getSignInId() {
        return signInId;
    }

    public SignInMethod getMethod() {
        return method;
    }

    public long getSinceMillis() {
        return sinceMillis;
    }

    public String getAddress() {
        return address;
    }

    public String getUserAgent() {
        return userAgent;
    }

    /** The provider's ID token of a single sign-on session (never shown, never logged); null otherwise. */
    public String getIdToken() {
        return idToken;
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
