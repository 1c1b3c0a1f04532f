package io.fleetdashboard.audit.control;

import io.fleetdashboard.audit.entity.AuditEntry;
import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit log in SQLite: who asked for what, on what, when, how it ended and how long it took. Any component
 * that changes state calls {@link #record}; it writes in its own transaction, so the caller's outcome (or rollback)
 * never loses the row, and a failed write is logged, never thrown at the user whose action already happened.
 * Texts are cut to a bounded length; nothing secret may be passed in.
 */
@ApplicationScoped
public class AuditLog {

    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    static final int MAX_TEXT = 500;

    /** Sortable columns: API / page name to entity field. The first is the default (newest first). */
    public static final Map<String, String> SORTS = new LinkedHashMap<>();

    static {
        SORTS.put("at", "at");
        SORTS.put("user", "username");
        SORTS.put("action", "action");
        SORTS.put("target", "targetName");
        SORTS.put("result", "result");
        SORTS.put("duration", "durationMillis");
    }

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    Clock clock = Clock.systemUTC();

    /**
     * Writes one row now.
     *
     * @param user           who asked (the signed-in user name)
     * @param role           their role name, or null
     * @param action         "component.verb", e.g. container.restart
     * @param target         the key of what it concerned, or null
     * @param targetName     what people call it, or null
     * @param durationMillis how long the request took
     * @param detail         a short, non-secret sentence (Docker's answer, the reason of a failure), or null
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String user, String role, String action, String target, String targetName,
                       AuditResult result, long durationMillis, String detail) {
        try {
            em.persist(new AuditEntry(clock.millis(), cut(user == null ? "(unknown)" : user), cut(role), cut(action),
                    cut(target), cut(targetName), result, Math.max(0, durationMillis), cut(detail)));
            em.flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not write the audit row for " + action + " by " + user + " on " + target, e);
        }
    }

    /**
     * Deletes the rows older than {@code cutoff} and, when there were any, records that it did (the purge is a
     * change too). Returns how many rows went.
     */
    @Transactional
    public int purgeOlderThan(java.time.Instant cutoff) {
        int deleted = em.createQuery("DELETE FROM AuditEntry a WHERE a.at < :cutoff")
                .setParameter("cutoff", cutoff.toEpochMilli()).executeUpdate();
        if (deleted > 0) {
            em.persist(new AuditEntry(clock.millis(), "(retention)", null, "audit.purge", null, null,
                    AuditResult.SUCCESS, 0, cut(deleted + " rows older than " + cutoff + " deleted")));
            em.flush();
        }
        return deleted;
    }

    /** One page of matching rows, ordered by {@code sort} (a {@link #SORTS} key; newest first by default). */
    public List<AuditEvent> page(AuditFilter filter, String sort, boolean ascending, int offset, int limit) {
        String field = SORTS.getOrDefault(sort == null ? "at" : sort, "at");
        TypedQuery<AuditEntry> query = em.createQuery("SELECT a FROM AuditEntry a" + where(filter) + " ORDER BY a."
                + field + (ascending ? " ASC" : " DESC") + ", a.id" + (ascending ? " ASC" : " DESC"), AuditEntry.class);
        bind(query, filter);
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList().stream()
                .map(AuditEvent::of).toList();
    }

    public int count(AuditFilter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(a) FROM AuditEntry a" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult().intValue();
    }

    /** The user names that appear in the log, for a filter's choices. */
    public List<String> users() {
        return em.createNamedQuery("AuditEntry.findUsers", String.class).setMaxResults(500).getResultList();
    }

    /** The actions that appear in the log, for a filter's choices. */
    public List<String> actions() {
        return em.createNamedQuery("AuditEntry.findActions", String.class).setMaxResults(500).getResultList();
    }

    /** The JPQL condition of a filter; values are bound as parameters, never written into the query. */
    static String where(AuditFilter f) {
        StringBuilder where = new StringBuilder();
        if (f.user() != null) {
            where.append(" AND a.username = :user");
        }
        if (f.action() != null) {
            where.append(f.action().endsWith(".*") ? " AND a.action LIKE :action ESCAPE '\\'" : " AND a.action = :action");
        }
        if (f.result() != null) {
            where.append(" AND a.result = :result");
        }
        if (f.from() != null) {
            where.append(" AND a.at >= :from");
        }
        if (f.to() != null) {
            where.append(" AND a.at < :to");
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(4);
    }

    private static void bind(TypedQuery<?> query, AuditFilter f) {
        if (f.user() != null) {
            query.setParameter("user", f.user());
        }
        if (f.action() != null) {
            query.setParameter("action", f.action().endsWith(".*")
                    ? f.action().substring(0, f.action().length() - 1).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%"
                    : f.action());
        }
        if (f.result() != null) {
            query.setParameter("result", f.result());
        }
        if (f.from() != null) {
            query.setParameter("from", f.from().toEpochMilli());
        }
        if (f.to() != null) {
            query.setParameter("to", f.to().toEpochMilli());
        }
    }

    static String cut(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("[\\r\\n\\t]+", " ");
        return oneLine.length() > MAX_TEXT ? oneLine.substring(0, MAX_TEXT) + "…" : oneLine;
    }
}
