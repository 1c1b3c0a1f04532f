package io.fleetdashboard.audit.entity;

/** How an audited request ended. */
public enum AuditResult {
    /** Done. */
    SUCCESS,
    /** Allowed and asked, but there was nothing to do (start of a running container). */
    NO_CHANGE,
    /** Allowed and asked, not done (Docker refused, Portainer unreachable, the container is gone). */
    FAILURE,
    /** Not allowed (role, or a refused sign-in). */
    DENIED
}
