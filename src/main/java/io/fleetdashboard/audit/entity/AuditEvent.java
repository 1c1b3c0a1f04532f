package io.fleetdashboard.audit.entity;

import java.time.Instant;

/**
 * One audited request as pages and the API show it.
 *
 * @param action     what was asked, "component.verb": container.restart, auth.sign_in, fleet.refresh, ...
 * @param target     the key of what it concerned (container key, environment name), or null
 * @param targetName what people call the target (the container's name), or null
 */
public record AuditEvent(long id, Instant at, String user, String role, String action, String target,
                         String targetName, AuditResult result, long durationMillis, String detail) {

    public static AuditEvent of(AuditEntry e) {
        return new AuditEvent(e.getId() == null ? 0 : e.getId(), Instant.ofEpochMilli(e.getAt()), e.getUsername(),
                e.getRole(), e.getAction(), e.getTarget(), e.getTargetName(), e.getResult(), e.getDurationMillis(),
                e.getDetail());
    }
}
