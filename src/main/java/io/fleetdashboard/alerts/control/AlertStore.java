package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.AlertAck;
import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.AlertDelivery;
import io.fleetdashboard.alerts.entity.AlertNotice;
import io.fleetdashboard.alerts.entity.DeliveryFilter;
import io.fleetdashboard.alerts.entity.MaintenanceWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Channels, notices, acknowledgements, maintenance windows and delivery attempts in SQLite (V8__alerts.sql).
 * Deliveries are recorded from many threads while a round notes what it sends: a transaction that read first and
 * then writes fails in WAL mode when another connection wrote in between (SQLITE_BUSY_SNAPSHOT), so every write
 * here that can meet another one is a single statement that writes first (upserts, guarded deletes); the few
 * edits that read first (channel settings) are retried by {@link BusyRetry}.
 */
@ApplicationScoped
public class AlertStore {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    // ------------------------------------------------------------------ channels

    public List<AlertChannel> channels() {
        return em.createNamedQuery("AlertChannel.all", AlertChannel.class).getResultList();
    }

    public List<AlertChannel> enabledChannels() {
        return em.createNamedQuery("AlertChannel.enabled", AlertChannel.class).getResultList();
    }

    public Optional<AlertChannel> channel(long id) {
        return Optional.ofNullable(em.find(AlertChannel.class, id));
    }

    public Optional<AlertChannel> channelNamed(String name) {
        return em.createNamedQuery("AlertChannel.byName", AlertChannel.class).setParameter("name", name)
                .getResultList().stream().findFirst();
    }

    @Transactional
    public AlertChannel add(AlertChannel channel) {
        em.persist(channel);
        em.flush();
        return channel;
    }

    /** Edits the channel in one transaction; empty when there is none of that id. */
    @Transactional
    public Optional<AlertChannel> change(long id, Consumer<AlertChannel> edit) {
        AlertChannel channel = em.find(AlertChannel.class, id);
        if (channel == null) {
            return Optional.empty();
        }
        edit.accept(channel);
        em.flush();
        return Optional.of(channel);
    }

    /** Deletes the channel and its notices; its delivery history stays. Writes first (see the class comment). */
    @Transactional
    public boolean remove(long id) {
        em.createQuery("DELETE FROM AlertNotice n WHERE n.channelId = :c").setParameter("c", id).executeUpdate();
        return em.createQuery("DELETE FROM AlertChannel c WHERE c.id = :c").setParameter("c", id)
                .executeUpdate() == 1;
    }

    // ------------------------------------------------------------------ notices

    /** The channel's notices by insight id. */
    public Map<Long, AlertNotice> notices(long channelId) {
        Map<Long, AlertNotice> out = new HashMap<>();
        for (AlertNotice n : fresh(em.createNamedQuery("AlertNotice.ofChannel", AlertNotice.class)
                .setParameter("channel", channelId)).getResultList()) {
            out.put(n.getInsightId(), n);
        }
        return out;
    }

    public List<AlertNotice> noticesOf(long insightId) {
        return fresh(em.createNamedQuery("AlertNotice.ofInsight", AlertNotice.class).setParameter("insight",
                insightId)).getResultList();
    }

    /** Open insights some channel was sent, most recently seen first (at most {@code limit}). */
    public List<io.fleetdashboard.insights.entity.Insight> notifiedOpenInsights(int limit) {
        return em.createQuery("SELECT DISTINCT i FROM Insight i, AlertNotice n WHERE n.insightId = i.id AND i.status "
                        + "= io.fleetdashboard.insights.entity.InsightStatus.OPEN ORDER BY i.severityRank, i.id",
                io.fleetdashboard.insights.entity.Insight.class).setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** The pair was (re)sent at {@code at}: creates the notice or counts one more send, in one statement. */
    @Transactional
    public void noted(long channelId, long insightId, Instant at) {
        em.createNativeQuery("INSERT INTO alert_notice (channel_id, insight_id, first_sent_at, last_sent_at, sends, "
                        + "resolved_sent) VALUES (?1, ?2, ?3, ?4, 1, 0) ON CONFLICT (channel_id, insight_id) DO UPDATE "
                        + "SET last_sent_at = excluded.last_sent_at, sends = alert_notice.sends + 1")
                .setParameter(1, channelId).setParameter(2, insightId).setParameter(3, at.toEpochMilli())
                .setParameter(4, at.toEpochMilli()).executeUpdate();
    }

    /** Notices of this channel whose insight resolved and whose resolved notice has not gone out. */
    public List<AlertNotice> resolvedUnsent(long channelId) {
        return fresh(em.createNamedQuery("AlertNotice.resolvedUnsent", AlertNotice.class).setParameter("channel",
                channelId)).getResultList();
    }

    @Transactional
    public void resolvedSent(long channelId, long insightId) {
        em.createQuery("UPDATE AlertNotice n SET n.resolvedSent = true WHERE n.channelId = :c AND n.insightId = :i")
                .setParameter("c", channelId).setParameter("i", insightId).executeUpdate();
    }

    // ------------------------------------------------------------------ acknowledgements

    public Set<Long> ackedInsights() {
        return acks().stream().map(AlertAck::getInsightId).collect(Collectors.toSet());
    }

    public List<AlertAck> acks() {
        return fresh(em.createNamedQuery("AlertAck.all", AlertAck.class)).setMaxResults(10_000).getResultList();
    }

    public Optional<AlertAck> ack(long insightId) {
        return fresh(em.createQuery("SELECT a FROM AlertAck a WHERE a.insightId = :i", AlertAck.class)
                .setParameter("i", insightId)).getResultList().stream().findFirst();
    }

    /** False when it was acknowledged already. One statement. */
    @Transactional
    public boolean acknowledge(long insightId, String by, Instant at, String note) {
        return em.createNativeQuery("INSERT INTO alert_ack (insight_id, acked_by, acked_at, note) "
                        + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (insight_id) DO NOTHING").setParameter(1, insightId).setParameter(2, by)
                .setParameter(3, at.toEpochMilli()).setParameter(4, note).executeUpdate() == 1;
    }

    @Transactional
    public boolean unacknowledge(long insightId) {
        return em.createQuery("DELETE FROM AlertAck a WHERE a.insightId = :i").setParameter("i", insightId)
                .executeUpdate() == 1;
    }

    // ------------------------------------------------------------------ maintenance windows

    public List<MaintenanceWindow> windows(int limit) {
        return em.createNamedQuery("MaintenanceWindow.recent", MaintenanceWindow.class)
                .setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** The window in effect at {@code now} (the one that ends last when several overlap). */
    public Optional<MaintenanceWindow> activeWindow(Instant now) {
        return em.createNamedQuery("MaintenanceWindow.notEnded", MaintenanceWindow.class)
                .setParameter("now", now.toEpochMilli()).getResultList().stream().filter(w -> w.covers(now))
                .max(java.util.Comparator.comparing(MaintenanceWindow::endsAt));
    }

    @Transactional
    public MaintenanceWindow add(MaintenanceWindow window) {
        em.persist(window);
        em.flush();
        return window;
    }

    public Optional<MaintenanceWindow> window(long id) {
        return Optional.ofNullable(em.find(MaintenanceWindow.class, id));
    }

    @Transactional
    public boolean removeWindow(long id) {
        return em.createQuery("DELETE FROM MaintenanceWindow w WHERE w.id = :id").setParameter("id", id)
                .executeUpdate() == 1;
    }

    // ------------------------------------------------------------------ deliveries

    @Transactional
    public AlertDelivery record(AlertDelivery delivery) {
        em.persist(delivery);
        em.flush();
        return delivery;
    }

    /** Newest first. */
    public List<AlertDelivery> deliveries(DeliveryFilter filter, int offset, int limit) {
        TypedQuery<AlertDelivery> query = em.createQuery("SELECT d FROM AlertDelivery d" + where(filter)
                + " ORDER BY d.at DESC, d.id DESC", AlertDelivery.class);
        bind(query, filter);
        return query.setFirstResult(Math.max(0, offset)).setMaxResults(Math.max(1, limit)).getResultList();
    }

    public int count(DeliveryFilter filter) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(d) FROM AlertDelivery d" + where(filter), Long.class);
        bind(query, filter);
        return query.getSingleResult().intValue();
    }

    @Transactional
    public int purgeDeliveriesBefore(Instant before) {
        return em.createQuery("DELETE FROM AlertDelivery d WHERE d.at < :before")
                .setParameter("before", before.toEpochMilli()).executeUpdate();
    }

    /** Read from the database, never from a cache: notices and acknowledgements change by native statements. */
    private static <T> TypedQuery<T> fresh(TypedQuery<T> query) {
        return query.setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .setHint("eclipselink.refresh", "true");
    }

    static String where(DeliveryFilter f) {
        StringBuilder where = new StringBuilder();
        if (f.channel() != null) {
            where.append(" AND d.channelId = :channel");
        }
        if (f.status() != null) {
            where.append(" AND d.status = :status");
        }
        if (f.event() != null) {
            where.append(" AND d.event = :event");
        }
        if (f.insight() != null) {
            where.append(" AND d.insightId = :insight");
        }
        return where.isEmpty() ? "" : " WHERE" + where.substring(4);
    }

    private static void bind(TypedQuery<?> query, DeliveryFilter f) {
        if (f.channel() != null) {
            query.setParameter("channel", f.channel());
        }
        if (f.status() != null) {
            query.setParameter("status", f.status());
        }
        if (f.event() != null) {
            query.setParameter("event", f.event());
        }
        if (f.insight() != null) {
            query.setParameter("insight", f.insight());
        }
    }
}
