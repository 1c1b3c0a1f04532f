package io.fleetdashboard.mcp.control;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.mcp.entity.McpCaller;
import io.fleetdashboard.mcp.entity.McpClientView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The MCP server's clients: an admin creates one (name and role; the token is returned once and only its SHA-256 is
 * kept), lists them and revokes them; every /mcp request is authenticated here by its bearer token. Revocation takes
 * effect on the client's next request. Creating and revoking are audited (mcp.client-create, mcp.client-revoke).
 */
@ApplicationScoped
public class McpClients {

    /** Last use is written at most this often per client, not on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    static final int MAX_NAME = 64;

    @Inject
    McpClientStore store;

    @Inject
    AuditLog audit;

    Clock clock = Clock.systemUTC();

    /** A client just created: its row and the token, which is shown this once. */
    public record Created(McpClientView client, String token) {
    }

    /** The role a client may be given: viewer or operator (an MCP client never administers). */
    public static Role role(String text) {
        if (text == null || text.isBlank()) {
            throw new BadRequestException("role: viewer or operator.");
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "viewer" -> Role.VIEWER;
            case "operator" -> Role.OPERATOR;
            default -> throw new BadRequestException("role: viewer or operator (an MCP client cannot be an admin).");
        };
    }

    /** A client's name: 1-64 printable characters, trimmed. */
    public static String name(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("name: 1-" + MAX_NAME + " characters without control characters.");
        }
        return name;
    }

    public Created create(String name, Role role, String by, String byRole) {
        long started = clock.millis();
        String checkedName = name(name);
        if (role != Role.VIEWER && role != Role.OPERATOR) {
            throw new BadRequestException("role: viewer or operator (an MCP client cannot be an admin).");
        }
        String token = McpTokens.generate();
        McpClientView client = store.add(checkedName, role, McpTokens.hash(token), started, by);
        audit.record(by, byRole, "mcp.client-create", "mcp-client:" + client.id(), checkedName,
                AuditResult.SUCCESS, clock.millis() - started, "role " + role.groupName());
        return new Created(client, token);
    }

    public List<McpClientView> list() {
        return store.all();
    }

    /** Revokes the client; empty when there is none with that id. Revoking a revoked client changes nothing. */
    public Optional<McpClientView> revoke(long id, String by, String byRole) {
        long started = clock.millis();
        Optional<McpClientStore.Revoked> revoked = store.revoke(id, started, by);
        revoked.ifPresent(r -> audit.record(by, byRole, "mcp.client-revoke", "mcp-client:" + id, r.client().name(),
                r.changed() ? AuditResult.SUCCESS : AuditResult.NO_CHANGE, clock.millis() - started,
                r.changed() ? null : "already revoked"));
        return revoked.map(McpClientStore.Revoked::client);
    }

    /** The client a bearer token belongs to, when the token is well formed, known and not revoked. */
    public Optional<McpCaller> authenticate(String token) {
        if (!McpTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return store.use(McpTokens.hash(token), clock.millis(), LAST_USED_PRECISION.toMillis())
                .map(c -> new McpCaller(c.getId(), c.getName(), c.getRole()));
    }
}
