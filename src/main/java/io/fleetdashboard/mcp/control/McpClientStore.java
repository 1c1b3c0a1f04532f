package io.fleetdashboard.mcp.control;

import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.mcp.entity.McpClient;
import io.fleetdashboard.mcp.entity.McpClientView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The mcp_client rows, each change in its own short transaction: McpClients audits after it committed, since SQLite
 * lets one writer at a time and the audit row is written in a transaction of its own.
 */
@ApplicationScoped
public class McpClientStore {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Transactional
    public McpClientView add(String name, Role role, String tokenHash, long at, String by) {
        McpClient client = new McpClient(name, role, tokenHash, at, by);
        em.persist(client);
        em.flush();
        return McpClientView.of(client);
    }

    /**
     * Every client, newest first, as stored now: in its own transaction and refreshed, so a page that listed them
     * before a revoke in the same request (one persistence context for the request outside transactions) shows
     * the revoke.
     */
    @Transactional
    public List<McpClientView> all() {
        return em.createNamedQuery("McpClient.all", McpClient.class).setHint("eclipselink.refresh", "true")
                .getResultList().stream().map(McpClientView::of).toList();
    }

    /** The client after the revoke, and whether this call revoked it (false: it was revoked already). */
    public record Revoked(McpClientView client, boolean changed) {
    }

    @Transactional
    public Optional<Revoked> revoke(long id, long at, String by) {
        McpClient client = em.find(McpClient.class, id);
        if (client == null) {
            return Optional.empty();
        }
        boolean changed = !client.isRevoked();
        if (changed) {
            client.revoke(at, by);
        }
        return Optional.of(new Revoked(McpClientView.of(client), changed));
    }

    /** The unrevoked client of a token hash, its last use brought up to date when it is older than {@code precision}. */
    @Transactional
    public Optional<McpClient> use(String tokenHash, long now, long precisionMillis) {
        List<McpClient> found = em.createNamedQuery("McpClient.byHash", McpClient.class)
                .setParameter("hash", tokenHash).getResultList();
        if (found.isEmpty() || found.get(0).isRevoked()) {
            return Optional.empty();
        }
        McpClient client = found.get(0);
        if (client.getLastUsedAt() == null || now - client.getLastUsedAt() >= precisionMillis) {
            client.used(now);
        }
        return Optional.of(client);
    }
}
