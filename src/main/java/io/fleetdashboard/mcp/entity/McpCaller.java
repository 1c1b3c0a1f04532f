package io.fleetdashboard.mcp.entity;

import io.fleetdashboard.auth.entity.Role;

/** Who an authenticated /mcp request comes from: the client's id, name and role. */
public record McpCaller(long id, String name, Role role) {

    /** The request attribute AccessFilter sets on an authenticated /mcp request. */
    public static final String ATTRIBUTE = McpCaller.class.getName();

    /** The user name the tools and the audit log see: "mcp:" and the client's name. */
    public String username() {
        return "mcp:" + name;
    }
}
