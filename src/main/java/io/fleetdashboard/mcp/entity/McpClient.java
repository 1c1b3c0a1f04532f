package io.fleetdashboard.mcp.entity;

import io.fleetdashboard.auth.entity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One MCP client: its bearer token by SHA-256 only, the role it reads with, and when it was made, used and revoked. */
@Entity
@Table(name = "mcp_client")
@NamedQuery(name = "McpClient.byHash", query = "SELECT c FROM McpClient c WHERE c.tokenHash = :hash")
@NamedQuery(name = "McpClient.all", query = "SELECT c FROM McpClient c ORDER BY c.createdAt DESC, c.id DESC")
public class McpClient {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "last_used_at")
    private Long lastUsedAt;

    @Column(name = "revoked_at")
    private Long revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    protected McpClient() {
    }

    public McpClient(String name, Role role, String tokenHash, long createdAt, String createdBy) {
        this.name = name;
        this.role = role;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public Long getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public void used(long at) {
        this.lastUsedAt = at;
    }

    public void revoke(long at, String by) {
        this.revokedAt = at;
        this.revokedBy = by;
    }
}
