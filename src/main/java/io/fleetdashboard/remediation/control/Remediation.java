package io.fleetdashboard.remediation.control;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.containers.control.ContainerActions;
import io.fleetdashboard.containers.entity.ActionResult;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.insights.control.InsightStore;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightFilter;
import io.fleetdashboard.insights.entity.InsightSort;
import io.fleetdashboard.insights.entity.RoundFinished;
import io.fleetdashboard.remediation.entity.ActionStatus;
import io.fleetdashboard.remediation.entity.RemediationAction;
import io.fleetdashboard.remediation.entity.Suggestion;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import io.fleetdashboard.live.entity.LiveChange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remediation with approval. After each monitoring round, every open insight about one container that suggests an
 * action (see Suggestions) gets a PENDING action, unless one of the same kind is pending or approved for that
 * container, or REMEDIATION_MAX_PENDING_ACTIONS are pending already. Nothing runs by itself: an operator approves or
 * rejects (with a reason), then executes an approved action through the container actions, with
 * REMEDIATION_ACTION_TIMEOUT_SECONDS. A pending action expires after REMEDIATION_PENDING_EXPIRY_MINUTES, or when its
 * insight resolves. Every step is in the audit log.
 */
@ApplicationScoped
public class Remediation {

    private static final Logger LOG = Logger.getLogger(Remediation.class.getName());

    /** Why a step was refused: the action is not in the state the step needs, or does not exist. */
    public static class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        public RefusedException(String message, boolean missing) {
            super(message);
            this.missing = missing;
        }

        public boolean missing() {
            return missing;
        }
    }

    @Inject
    Event<LiveChange> live;

    @Inject
    RemediationStore store;

    @Inject
    InsightStore insights;

    @Inject
    ContainerActions containerActions;

    @Inject
    AuditLog audit;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "remediation.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "remediation.auto.suggest", defaultValue = "true")
    boolean autoSuggest;

    @Inject
    @ConfigProperty(name = "remediation.max.pending.actions", defaultValue = "100")
    int maxPending;

    @Inject
    @ConfigProperty(name = "remediation.action.timeout.seconds", defaultValue = "60")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "remediation.pending.expiry.minutes", defaultValue = "60")
    int expiryMinutes;

    Clock clock = Clock.systemUTC();

    public boolean enabled() {
        return enabled;
    }

    public int maxPending() {
        return maxPending;
    }

    public int timeoutSeconds() {
        return Math.max(1, timeoutSeconds);
    }

    /** Runs in the monitoring round's thread, after it reconciled the insights. */
    void afterRound(@Observes RoundFinished round) {
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        List<Insight> open = insights.list(InsightFilter.OPEN, InsightSort.FIRSTSEEN, false, 0, 10_000);
        Set<String> openConditions = open.stream().map(Insight::getConditionKey).collect(Collectors.toSet());
        int expired = store.expire(now, openConditions);
        int timedOut = store.failStuck(now.minusSeconds(timeoutSeconds() * 2L));
        if (expired + timedOut > 0) {
            audit.record("system", null, "remediation.expire", null, null, AuditResult.SUCCESS, 0,
                    expired + " pending actions expired, " + timedOut + " unfinished executions failed");
        }
        if (autoSuggest) {
            suggest(open, now, round.report().simulated());
        }
        changed();
    }

    /** Pages that show remediation actions reload them. */
    private void changed() {
        live.fire(LiveChange.of(LiveChange.Topic.REMEDIATION));
    }

    void suggest(List<Insight> open, Instant now, boolean simulated) {
        int pending = store.count(ActionStatus.PENDING);
        int added = 0;
        for (Insight insight : open) {
            List<String> resources = insight.resourceList();
            Optional<Suggestion> suggestion = Suggestions.of(insight.getKind());
            if (suggestion.isEmpty() || resources.size() != 1 || ContainerKey.parse(resources.get(0)).isEmpty()) {
                continue;
            }
            if (pending >= maxPending) {
                LOG.fine(() -> "Remediation: " + maxPending + " actions pending, no more suggested");
                break;
            }
            String target = resources.get(0);
            if (store.openFor(target, suggestion.get().action())) {
                continue;
            }
            String name = insight.getTitle().contains(" ") ? insight.getTitle().substring(0,
                    insight.getTitle().indexOf(' ')) : target;
            store.add(new RemediationAction(insight.getId(), insight.getConditionKey(), insight.getTitle(),
                    insight.getSeverity().apiName(), suggestion.get().action(), target, name,
                    suggestion.get().rationale(), now, now.plus(Duration.ofMinutes(Math.max(1, expiryMinutes))),
                    simulated));
            pending++;
            added++;
        }
        if (added > 0) {
            int count = added;
            audit.record("system", null, "remediation.suggest", null, null, AuditResult.SUCCESS, 0,
                    count + " actions suggested, awaiting approval");
        }
    }

    public RemediationAction approve(long id, String user, String role, String reason) {
        return decide(id, ActionStatus.APPROVED, user, role, reason, "remediation.approve");
    }

    public RemediationAction reject(long id, String user, String role, String reason) {
        return decide(id, ActionStatus.REJECTED, user, role, reason, "remediation.reject");
    }

    private RemediationAction decide(long id, ActionStatus to, String user, String role, String reason,
                                     String auditAction) {
        RemediationAction action = existing(id);
        if (action.getStatus() == ActionStatus.PENDING && !action.expiresAt().isAfter(clock.instant())) {
            store.decide(id, ActionStatus.EXPIRED, "system", "not decided in time", clock.instant());
        }
        boolean done = store.decide(id, to, user, cut(reason), clock.instant());
        RemediationAction now = existing(id);
        audit.record(user, role, auditAction, action.getTarget(), action.getTargetName(),
                done ? AuditResult.SUCCESS : AuditResult.DENIED, 0, "action " + id + " ("
                        + action.getAction().dockerName() + ")" + (done ? "" : ": it is " + now.getStatus().apiName())
                        + (reason == null || reason.isBlank() ? "" : "; reason: " + cut(reason)));
        if (!done) {
            throw new RefusedException("Action " + id + " is " + now.getStatus().apiName() + ", not pending.", false);
        }
        changed();
        return now;
    }

    /** Runs an approved action, waiting at most the timeout; the result is recorded either way. */
    public RemediationAction execute(long id, String user, String role) {
        RemediationAction action = existing(id);
        Instant started = clock.instant();
        if (!store.startExecuting(id, user, started)) {
            RemediationAction now = existing(id);
            audit.record(user, role, "remediation.execute", action.getTarget(), action.getTargetName(),
                    AuditResult.DENIED, 0, "action " + id + " is " + now.getStatus().apiName() + ", not approved");
            throw new RefusedException("Action " + id + " is " + now.getStatus().apiName()
                    + ": only an approved action runs.", false);
        }
        ContainerKey key = ContainerKey.parse(action.getTarget()).orElseThrow();
        CompletableFuture<ActionResult> run = CompletableFuture.supplyAsync(
                () -> containerActions.act(key, action.getAction(), user, role), executor);
        boolean succeeded;
        String result;
        try {
            ActionResult r = run.get(timeoutSeconds(), TimeUnit.SECONDS);
            succeeded = r.succeeded();
            result = r.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + r.message();
        } catch (TimeoutException e) {
            run.cancel(true);
            succeeded = false;
            result = "no answer within " + timeoutSeconds() + " s; check the container's state";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            succeeded = false;
            result = "interrupted";
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Remediation action " + id + " failed", e.getCause());
            succeeded = false;
            result = "failed: " + e.getCause().getClass().getSimpleName();
        }
        store.finish(id, succeeded, cut(result));
        changed();
        audit.record(user, role, "remediation.execute", action.getTarget(), action.getTargetName(),
                succeeded ? AuditResult.SUCCESS : AuditResult.FAILURE,
                Duration.between(started, clock.instant()).toMillis(), "action " + id + " ("
                        + action.getAction().dockerName() + "): " + cut(result));
        return existing(id);
    }

    public List<RemediationAction> list(ActionStatus status, int limit) {
        return store.list(status, limit);
    }

    public int count(ActionStatus status) {
        return store.count(status);
    }

    private RemediationAction existing(long id) {
        return store.find(id).orElseThrow(() -> new RefusedException("No remediation action " + id + ".", true));
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
