package io.fleetdashboard.mcp.entity;

import io.fleetdashboard.auth.entity.Role;
import java.time.Instant;

/** An MCP client as lists show it (never its token or hash). */
public record McpClientView(long id, String name, Role role, Instant createdAt, String createdBy, Instant lastUsedAt,
                            Instant revokedAt, String revokedBy) {

    public static McpClientView of(McpClient c) {
        return new McpClientView(c.getId(), c.getName(), c.getRole(), Instant.ofEpochMilli(c.getCreatedAt()),
                c.getCreatedBy(), c.getLastUsedAt() == null ? null : Instant.ofEpochMilli(c.getLastUsedAt()),
                c.getRevokedAt() == null ? null : Instant.ofEpochMilli(c.getRevokedAt()), c.getRevokedBy());
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
