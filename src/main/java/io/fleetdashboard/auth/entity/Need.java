package io.fleetdashboard.auth.entity;

/**
 * What a request method on a path needs: nothing (public), a signed-in role, the bearer token of an MCP client (never
 * a user's session or key), or nothing will do (refused).
 */
public enum Need {
    ANYONE(null), VIEWER(Role.VIEWER), OPERATOR(Role.OPERATOR), ADMIN(Role.ADMIN), MCP_CLIENT(null), NOBODY(null);

    private final Role role;

    Need(Role role) {
        this.role = role;
    }

    /** The least role that satisfies this need; null for ANYONE, MCP_CLIENT and NOBODY. */
    public Role role() {
        return role;
    }

    public static Need of(Role role) {
        return switch (role) {
            case VIEWER -> VIEWER;
            case OPERATOR -> OPERATOR;
            case ADMIN -> ADMIN;
        };
    }

    /** True when a signed-in caller with this role (null: anonymous) may go on; never for MCP_CLIENT (its token decides). */
    public boolean allows(Role caller) {
        return switch (this) {
            case ANYONE -> true;
            case NOBODY, MCP_CLIENT -> false;
            default -> caller != null && caller.includes(role);
        };
    }
}
