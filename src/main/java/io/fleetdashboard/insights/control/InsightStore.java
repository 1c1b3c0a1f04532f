package io.fleetdashboard.insights.control;

import io.fleetdashboard.insights.entity.Condition;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightChange;
import io.fleetdashboard.insights.entity.InsightEvent;
import io.fleetdashboard.insights.entity.InsightFilter;
import io.fleetdashboard.insights.entity.InsightSort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Insights in SQLite, de-duplicated by condition: a round's conditions update the one open insight of each key (or
 * open one), and every open insight whose condition is gone is resolved. Each change is a history event.
 */
@ApplicationScoped
public class InsightStore {

    /** What one reconciliation changed. */
    public record Changes(int opened, int updated, int resolved, int open, List<Insight> openedInsights) {
    }

    private static final Map<InsightSort, String> FIELDS = Map.of(InsightSort.LASTSEEN, "lastSeen",
            InsightSort.FIRSTSEEN, "firstSeen", InsightSort.SEVERITY, "severityRank", InsightSort.CATEGORY, "category",
            InsightSort.KIND, "kind", InsightSort.TITLE, "title", InsightSort.STATUS, "status");

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    /**
     * Applies one round: {@code conditions} hold at {@code now}. A condition seen twice in a round counts once (the
     * first). Runs in one transaction: readers see the round whole or not at all.
     */
    @Transactional
    public Changes reconcile(List<Condition> conditions, Instant now, boolean simulated) {
        long at = now.toEpochMilli();
        Map<String, Insight> open = new HashMap<>();
        for (Insight i : em.createNamedQuery("Insight.findOpen", Insight.class).getResultList()) {
            open.put(i.getConditionKey(), i);
        }
        Map<String, Condition> seen = new LinkedHashMap<>();
        conditions.forEach(c -> seen.putIfAbsent(c.key(), c));
        int opened = 0, updated = 0, resolved = 0;
        List<Insight> openedInsights = new java.util.ArrayList<>();
        for (Condition c : seen.values()) {
            Insight insight = open.remove(c.key());
            if (insight == null) {
                insight = new Insight(c, at, simulated);
                em.persist(insight);
                em.flush();
                em.persist(new InsightEvent(insight.getId(), at, InsightChange.OPENED, c.severity(), c.title()));
                openedInsights.add(insight);
                opened++;
            } else {
                boolean changed = insight.differsFrom(c);
                insight.seen(c, at);
                if (changed) {
                    em.persist(new InsightEvent(insight.getId(), at, InsightChange.UPDATED, c.severity(),
                            c.title() + (c.value() == null ? "" : " (" + c.value() + ")")));
                    updated++;
                }
            }
        }
        for (Insight gone : open.values()) {
            gone.resolve(at);
            em.persist(new InsightEvent(gone.getId(), at, InsightChange.RESOLVED, gone.getSeverity(),
                    "no longer seen"));
            resolved++;
        }
        return new Changes(opened, updated, resolved, seen.size(), List.copyOf(openedInsights));
    }

    /** The keys of the conditions with an open insight. */
    public Set<String> openKeys() {
        return em.createNamedQuery("Insight.findOpen", Insight.class).getResultList().stream()
                .map(Insight::getConditionKey).collect(Collectors.toSet());
    }

    /** Matching insights in that order, at most {@code limit} after skipping {@code offset}. */
    public List<Insight> list(InsightFilter filter, InsightSort sort, boolean descending, int offset, int limit) {
        String field = FIELDS.getOrDefault(sort, "lastSeen");
        String direction = descending ? " DESC" : " ASC";
        TypedQuery<Insight> query = em.createQuery("SELECT i FROM Insight i" + where(filter) + " ORDER BY i." + field
                + direction + ", i.id" + direction, Insight.class);
        bind(query, filter);
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    public int count(InsightFilter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(i) FROM Insight i" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult().intValue();
    }

    public Optional<Insight> find(long id) {
        return Optional.ofNullable(em.find(Insight.class, id));
    }

    public List<InsightEvent> history(long insightId) {
        return em.createNamedQuery("InsightEvent.findByInsight", InsightEvent.class).setParameter("insight", insightId)
                .setMaxResults(1000).getResultList();
    }

    /** Deletes resolved insights (and, by the foreign key, their history) resolved before {@code before}. */
    @Transactional
    public int purgeResolvedBefore(Instant before) {
        return em.createNamedQuery("Insight.deleteResolvedBefore").setParameter("before", before.toEpochMilli())
                .executeUpdate();
    }

    static String where(InsightFilter f) {
        StringBuilder where = new StringBuilder();
        if (f.status() != null) {
            where.append(" AND i.status = :status");
        }
        if (f.severity() != null) {
            where.append(" AND i.severity = :severity");
        }
        if (f.category() != null) {
            where.append(" AND i.category = :category");
        }
        if (f.kind() != null) {
            where.append(" AND i.kind = :kind");
        }
        if (f.text() != null) {
            where.append(" AND (LOWER(i.title) LIKE :text ESCAPE '\\' OR LOWER(i.resources) LIKE :text ESCAPE '\\')");
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(4);
    }

    private static void bind(TypedQuery<?> query, InsightFilter f) {
        if (f.status() != null) {
            query.setParameter("status", f.status());
        }
        if (f.severity() != null) {
            query.setParameter("severity", f.severity());
        }
        if (f.category() != null) {
            query.setParameter("category", f.category());
        }
        if (f.kind() != null) {
            query.setParameter("kind", f.kind());
        }
        if (f.text() != null) {
            query.setParameter("text", "%" + f.text().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
    }
}
