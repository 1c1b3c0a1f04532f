package io.fleetdashboard.remediation.control;

import io.fleetdashboard.portainer.entity.ContainerAction;
import io.fleetdashboard.remediation.entity.ActionStatus;
import io.fleetdashboard.remediation.entity.RemediationAction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Remediation actions in SQLite; every change of status is one UPDATE guarded by the status it leaves. */
@ApplicationScoped
public class RemediationStore {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Transactional
    public RemediationAction add(RemediationAction action) {
        em.persist(action);
        em.flush();
        return action;
    }

    public boolean openFor(String target, ContainerAction action) {
        return !em.createNamedQuery("RemediationAction.findOpenFor", RemediationAction.class)
                .setParameter("target", target).setParameter("action", action).setMaxResults(1).getResultList()
                .isEmpty();
    }

    public int count(ActionStatus status) {
        return em.createNamedQuery("RemediationAction.countByStatus", Long.class).setParameter("status", status)
                .getSingleResult().intValue();
    }

    public List<RemediationAction> list(ActionStatus status, int limit) {
        var query = status == null ? em.createNamedQuery("RemediationAction.findRecent", RemediationAction.class)
                : em.createNamedQuery("RemediationAction.findByStatus", RemediationAction.class)
                .setParameter("status", status);
        return fresh(query).setMaxResults(Math.max(1, limit)).getResultList();
    }

    /** Read from the database, never from a cache: the guarded UPDATEs change rows behind the entities' back. */
    public Optional<RemediationAction> find(long id) {
        return fresh(em.createQuery("SELECT a FROM RemediationAction a WHERE a.id = :id", RemediationAction.class)
                .setParameter("id", id)).getResultList().stream().findFirst();
    }

    private static <T> jakarta.persistence.TypedQuery<T> fresh(jakarta.persistence.TypedQuery<T> query) {
        return query.setHint("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS)
                .setHint("eclipselink.refresh", "true");
    }

    /** PENDING -> APPROVED or REJECTED (or EXPIRED) by someone; false when it was not pending any more. */
    @Transactional
    public boolean decide(long id, ActionStatus to, String by, String reason, Instant at) {
        return em.createQuery("UPDATE RemediationAction a SET a.status = :to, a.decidedBy = :by, a.reason = :reason, "
                        + "a.decidedAt = :at WHERE a.id = :id AND a.status = :from")
                .setParameter("to", to).setParameter("by", by).setParameter("reason", reason)
                .setParameter("at", at.toEpochMilli()).setParameter("id", id)
                .setParameter("from", ActionStatus.PENDING).executeUpdate() == 1;
    }

    /** APPROVED -> EXECUTING; false when it was not approved (not yet, or someone else runs it). */
    @Transactional
    public boolean startExecuting(long id, String by, Instant at) {
        return em.createQuery("UPDATE RemediationAction a SET a.status = :to, a.executedBy = :by, a.executedAt = :at "
                        + "WHERE a.id = :id AND a.status = :from")
                .setParameter("to", ActionStatus.EXECUTING).setParameter("by", by)
                .setParameter("at", at.toEpochMilli()).setParameter("id", id)
                .setParameter("from", ActionStatus.APPROVED).executeUpdate() == 1;
    }

    /** EXECUTING -> EXECUTED or FAILED with what happened. */
    @Transactional
    public boolean finish(long id, boolean succeeded, String result) {
        return em.createQuery("UPDATE RemediationAction a SET a.status = :to, a.result = :result "
                        + "WHERE a.id = :id AND a.status = :from")
                .setParameter("to", succeeded ? ActionStatus.EXECUTED : ActionStatus.FAILED)
                .setParameter("result", result).setParameter("id", id)
                .setParameter("from", ActionStatus.EXECUTING).executeUpdate() == 1;
    }

    /** Pending actions past their expiry, or whose insight is no longer open, become EXPIRED; how many. */
    @Transactional
    public int expire(Instant now, Set<String> openConditions) {
        int expired = em.createQuery("UPDATE RemediationAction a SET a.status = :to, a.decidedBy = 'system', "
                        + "a.reason = 'not decided in time', a.decidedAt = :now WHERE a.status = :from "
                        + "AND a.expiresAt < :now")
                .setParameter("to", ActionStatus.EXPIRED).setParameter("from", ActionStatus.PENDING)
                .setParameter("now", now.toEpochMilli()).executeUpdate();
        for (RemediationAction a : list(ActionStatus.PENDING, 10_000)) {
            if (!openConditions.contains(a.getConditionKey())) {
                expired += decide(a.getId(), ActionStatus.EXPIRED, "system", "its insight resolved", now) ? 1 : 0;
            }
        }
        return expired;
    }

    /** Executions that never ended (the server stopped meanwhile) and started before {@code before}: FAILED. */
    @Transactional
    public int failStuck(Instant before) {
        return em.createQuery("UPDATE RemediationAction a SET a.status = :to, a.result = 'no result: the execution "
                        + "did not end (server stopped?); check the container' WHERE a.status = :from "
                        + "AND a.executedAt < :before")
                .setParameter("to", ActionStatus.FAILED).setParameter("from", ActionStatus.EXECUTING)
                .setParameter("before", before.toEpochMilli()).executeUpdate();
    }
}
