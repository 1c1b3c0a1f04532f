package io.fleetdashboard.auth.entity;

import java.time.Instant;
import java.util.Map;

/** One signed-in session as the Sessions page and GET /api/v1/sessions show it (never its cookie or token). */
public record LiveSession(String id, String username, String role, Map<String, String> environmentRoles,
                          String method, String address, String userAgent, Instant since, Instant lastActivity,
                          boolean keepSignedIn) {

    public String getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getRole() {
        return role;
    }

    /** "operator in edge, …" or empty. */
    public String getEnvironmentRolesText() {
        StringBuilder text = new StringBuilder();
        environmentRoles.forEach((environment, r) -> text.append(text.isEmpty() ? "" : ", ").append(r).append(" in ")
                .append(environment));
        return text.toString();
    }

    public String getMethod() {
        return method;
    }

    public String getAddress() {
        return address;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public Instant getSince() {
        return since;
    }

    public Instant getLastActivity() {
        return lastActivity;
    }

    public boolean isKeepSignedIn() {
        return keepSignedIn;
    }
}
