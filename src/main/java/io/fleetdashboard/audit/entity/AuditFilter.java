package io.fleetdashboard.audit.entity;

import java.time.Instant;

/**
 * Which audit rows to list; null parts do not filter. {@code user} and {@code action} match exactly, except that an
 * action ending in ".*" matches its whole component ("container.*"). from inclusive, to exclusive.
 */
public record AuditFilter(String user, String action, AuditResult result, Instant from, Instant to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);
}
