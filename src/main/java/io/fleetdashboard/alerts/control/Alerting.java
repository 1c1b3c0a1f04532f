package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.AlertAck;
import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.AlertDelivery;
import io.fleetdashboard.alerts.entity.AlertMessage;
import io.fleetdashboard.alerts.entity.AlertNotice;
import io.fleetdashboard.alerts.entity.AlertRefusedException;
import io.fleetdashboard.alerts.entity.DeliveryEvent;
import io.fleetdashboard.alerts.entity.DeliveryException;
import io.fleetdashboard.alerts.entity.DeliveryFilter;
import io.fleetdashboard.alerts.entity.DeliveryStatus;
import io.fleetdashboard.alerts.entity.MaintenanceWindow;
import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.environments.control.SecretCipher;
import io.fleetdashboard.insights.control.InsightStore;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightFilter;
import io.fleetdashboard.insights.entity.InsightSort;
import io.fleetdashboard.insights.entity.InsightStatus;
import io.fleetdashboard.insights.entity.RoundFinished;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.fleetdashboard.live.entity.LiveChange;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * Sends insights to channels. After each monitoring round every enabled channel gets the open insights its rule
 * takes (see {@link AlertRules}): once per (channel, insight), again after the channel's re-notify interval unless
 * the insight was acknowledged, and a resolved notice once when the channel asks for it. During a maintenance window
 * nothing is sent: what would have gone out is recorded SUPPRESSED (and goes out after the window, if still open).
 * <p>
 * Deliveries run on the managed scheduler: up to ALERTS_MAX_ATTEMPTS attempts with exponential backoff from
 * ALERTS_RETRY_BASE_MILLIS (capped at ALERTS_RETRY_MAX_MILLIS) while the failure may pass (timeouts, refused
 * connections, 429, 5xx); every attempt is recorded with its reason. At most ALERTS_MAX_PER_ROUND insights per
 * channel per round are queued; the rest follow in the next rounds.
 */
@ApplicationScoped
public class Alerting {

    private static final Logger LOG = Logger.getLogger(Alerting.class.getName());

    @Inject
    Event<LiveChange> live;

    @Inject
    AlertStore store;

    @Inject
    InsightStore insights;

    @Inject
    SecretCipher cipher;

    @Inject
    WebhookGateway webhooks;

    @Inject
    MailGateway mail;

    @Inject
    AuditLog audit;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "alerts.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "alerts.max.attempts", defaultValue = "4")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "alerts.retry.base.millis", defaultValue = "2000")
    long retryBaseMillis;

    @Inject
    @ConfigProperty(name = "alerts.retry.max.millis", defaultValue = "60000")
    long retryMaxMillis;

    @Inject
    @ConfigProperty(name = "alerts.max.per.round", defaultValue = "100")
    int maxPerRound;

    @Inject
    @ConfigProperty(name = "alerts.deliveries.retention.days", defaultValue = "30")
    int retentionDays;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void init() {
        maxAttempts = Math.max(1, Math.min(10, maxAttempts));
    }

    public boolean enabled() {
        return enabled;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    // ------------------------------------------------------------------ after each monitoring round

    void afterRound(@Observes RoundFinished round) {
        if (!enabled) {
            return;
        }
        try {
            notifyChannels(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alerts after the monitoring round failed", e);
        }
    }

    /** One pass over the channels; what it queued and suppressed. */
    Counts notifyChannels(Instant now) {
        List<AlertChannel> channels = store.enabledChannels();
        Counts counts = new Counts();
        if (channels.isEmpty()) {
            return counts;
        }
        List<Insight> open = insights.list(InsightFilter.OPEN, InsightSort.FIRSTSEEN, false, 0, 10_000);
        Set<Long> acked = store.ackedInsights();
        Optional<MaintenanceWindow> window = store.activeWindow(now);
        for (AlertChannel channel : channels) {
            try {
                notifyChannel(channel, open, acked, window, now, counts);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Alerts for channel " + channel.getName() + " failed in this round", e);
            }
        }
        if (counts.queued + counts.suppressed > 0) {
            audit.record("system", null, "alerts.notify", null, null, AuditResult.SUCCESS, 0, counts.queued
                    + " notices queued, " + counts.suppressed + " suppressed (maintenance window)"
                    + (counts.deferred > 0 ? ", " + counts.deferred + " deferred to the next round" : ""));
        }
        try {
            store.purgeDeliveriesBefore(now.minus(Duration.ofDays(Math.max(1, retentionDays))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge old alert deliveries", e);
        }
        return counts;
    }

    private void notifyChannel(AlertChannel channel, List<Insight> open, Set<Long> acked,
                               Optional<MaintenanceWindow> window, Instant now, Counts counts) {
        Map<Long, AlertNotice> notices = store.notices(channel.getId());
        int budget = Math.max(1, maxPerRound);
        for (Insight insight : open) {
            if (!AlertRules.matches(channel, insight)) {
                continue;
            }
            AlertNotice notice = notices.get(insight.getId());
            Optional<DeliveryEvent> due = AlertRules.due(notice == null ? null : notice.lastSentAt(),
                    acked.contains(insight.getId()), channel.getRenotifySeconds(), now);
            if (due.isEmpty()) {
                continue;
            }
            if (budget-- <= 0) {
                counts.deferred++;
                continue;
            }
            AlertMessage message = AlertMessage.of(channel, insight, due.get(), now);
            if (window.isPresent()) {
                suppress(message, window.get(), now);
                counts.suppressed++;
                continue;
            }
            store.noted(channel.getId(), insight.getId(), now);
            deliver(channel, message);
            counts.queued++;
        }
        if (channel.isNotifyResolved()) {
            for (AlertNotice notice : store.resolvedUnsent(channel.getId())) {
                Optional<Insight> insight = insights.find(notice.getInsightId());
                store.resolvedSent(channel.getId(), notice.getInsightId());
                if (insight.isEmpty() || insight.get().getStatus() != InsightStatus.RESOLVED) {
                    continue;
                }
                AlertMessage message = AlertMessage.of(channel, insight.get(), DeliveryEvent.RESOLVED, now);
                if (window.isPresent()) {
                    suppress(message, window.get(), now);
                    counts.suppressed++;
                } else {
                    deliver(channel, message);
                    counts.queued++;
                }
            }
        }
    }

    /** What one pass did. */
    static final class Counts {
        int queued;
        int suppressed;
        int deferred;
    }

    private void suppress(AlertMessage message, MaintenanceWindow window, Instant now) {
        store.record(new AlertDelivery(message, DeliveryStatus.SUPPRESSED, 0, true, now, 0,
                "maintenance window \"" + window.getName() + "\" until " + window.endsAt()));
        count(message, DeliveryStatus.SUPPRESSED);
    }

    // ------------------------------------------------------------------ test, acknowledgements, windows

    /** Sends the channel a test message now (outside any maintenance window); completes with the first attempt. */
    public CompletableFuture<AlertDelivery> test(long channelId, String user, String role) {
        AlertChannel channel = store.channel(channelId)
                .orElseThrow(() -> AlertRefusedException.missing("No alert channel " + channelId + "."));
        audit.record(user, role, "alerts.channel.test", "channel:" + channelId, channel.getName(),
                AuditResult.SUCCESS, 0, "test message queued");
        return deliver(channel, AlertMessage.test(channel, user, clock.instant()));
    }

    public AlertAck acknowledge(long insightId, String note, String user, String role) {
        Insight insight = insights.find(insightId)
                .orElseThrow(() -> AlertRefusedException.missing("No insight " + insightId + "."));
        if (insight.getStatus() != InsightStatus.OPEN) {
            audit.record(user, role, "alerts.ack", "insight:" + insightId, insight.getTitle(), AuditResult.DENIED, 0,
                    "the insight is resolved");
            throw AlertRefusedException.conflict("Insight " + insightId + " is resolved: nothing to acknowledge.");
        }
        if (!store.acknowledge(insightId, user, clock.instant(), note)) {
            throw AlertRefusedException.conflict("Insight " + insightId + " is acknowledged already.");
        }
        audit.record(user, role, "alerts.ack", "insight:" + insightId, insight.getTitle(), AuditResult.SUCCESS, 0,
                note == null ? "no more re-notifications" : "note: " + note);
        return store.ack(insightId).orElseThrow();
    }

    public void unacknowledge(long insightId, String user, String role) {
        if (!store.unacknowledge(insightId)) {
            throw AlertRefusedException.missing("Insight " + insightId + " is not acknowledged.");
        }
        audit.record(user, role, "alerts.unack", "insight:" + insightId, null, AuditResult.SUCCESS, 0,
                "re-notifications resume");
    }

    public List<Insight> notifiedOpenInsights(int limit) {
        return store.notifiedOpenInsights(limit);
    }

    public List<AlertAck> acks() {
        return store.acks();
    }

    public Optional<AlertAck> ack(long insightId) {
        return store.ack(insightId);
    }

    public MaintenanceWindow addWindow(AlertInputs.WindowInput input, String user, String role) {
        MaintenanceWindow window = store.add(new MaintenanceWindow(input.name(), input.startsAt(), input.endsAt(),
                user, clock.instant()));
        audit.record(user, role, "alerts.maintenance.add", "maintenance:" + window.getId(), window.getName(),
                AuditResult.SUCCESS, 0, window.startsAt() + " to " + window.endsAt());
        return window;
    }

    public void removeWindow(long id, String user, String role) {
        MaintenanceWindow window = store.window(id)
                .orElseThrow(() -> AlertRefusedException.missing("No maintenance window " + id + "."));
        store.removeWindow(id);
        audit.record(user, role, "alerts.maintenance.remove", "maintenance:" + id, window.getName(),
                AuditResult.SUCCESS, 0, null);
    }

    public List<MaintenanceWindow> windows(int limit) {
        return store.windows(limit);
    }

    public Optional<MaintenanceWindow> activeWindow() {
        return store.activeWindow(clock.instant());
    }

    public List<AlertDelivery> deliveries(DeliveryFilter filter, int offset, int limit) {
        return store.deliveries(filter, offset, limit);
    }

    public int count(DeliveryFilter filter) {
        return store.count(filter);
    }

    // ------------------------------------------------------------------ delivery

    /** Where one message goes, with the secret decrypted, taken when it was queued. */
    private record Target(String url, MailGateway.SmtpTarget smtp) {
        @Override
        public String toString() {
            return "Target[" + (smtp == null ? "webhook" : smtp.toString()) + "]";
        }
    }

    /** Queues the first attempt; completes with its recorded outcome (retries follow on their own). */
    CompletableFuture<AlertDelivery> deliver(AlertChannel channel, AlertMessage message) {
        CompletableFuture<AlertDelivery> first = new CompletableFuture<>();
        Target target;
        try {
            target = target(channel);
        } catch (DeliveryException e) {
            first.complete(record(message, DeliveryStatus.FAILED, 1, true, clock.instant(), 0, e.getMessage()));
            return first;
        }
        schedule(target, message, 1, Duration.ZERO, first);
        return first;
    }

    private Target target(AlertChannel channel) throws DeliveryException {
        String secret = null;
        if (channel.hasSecret()) {
            try {
                secret = cipher.decrypt(channel.encryptedSecret());
            } catch (IllegalArgumentException e) {
                throw new DeliveryException("the stored secret cannot be decrypted (was DASHBOARD_SECRET_KEY or the "
                        + "secret.key file changed?); enter it again", false);
            }
        }
        if (channel.getKind().webhook()) {
            if (secret == null) {
                throw new DeliveryException("the channel has no URL", false);
            }
            return new Target(secret, null);
        }
        return new Target(null, new MailGateway.SmtpTarget(channel.getSmtpHost(),
                channel.getSmtpPort() == null ? 25 : channel.getSmtpPort(), channel.getSmtpUsername(), secret,
                channel.isSmtpStarttls(), channel.getMailFrom(), channel.mailToList()));
    }

    private void schedule(Target target, AlertMessage message, int attempt, Duration delay,
                          CompletableFuture<AlertDelivery> first) {
        try {
            scheduler.schedule(() -> attempt(target, message, attempt, first), delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            AlertDelivery failed = record(message, DeliveryStatus.FAILED, attempt, true, clock.instant(), 0,
                    "not attempted: the server is stopping");
            if (first != null) {
                first.complete(failed);
            }
        }
    }

    private void attempt(Target target, AlertMessage message, int attempt, CompletableFuture<AlertDelivery> first) {
        Instant started = clock.instant();
        AlertDelivery recorded;
        try {
            send(target, message, started);
            recorded = record(message, DeliveryStatus.SENT, attempt, true, started,
                    Duration.between(started, clock.instant()).toMillis(), null);
        } catch (DeliveryException e) {
            boolean again = e.retryable() && attempt < maxAttempts;
            String reason = cut(e.getMessage()) + (again ? "; retrying" : e.retryable() ? "; gave up after "
                    + attempt + " attempts" : "; not retried");
            recorded = record(message, DeliveryStatus.FAILED, attempt, !again, started,
                    Duration.between(started, clock.instant()).toMillis(), reason);
            if (again) {
                schedule(target, message, attempt + 1, AlertRules.backoff(attempt + 1,
                        Duration.ofMillis(Math.max(1, retryBaseMillis)), Duration.ofMillis(Math.max(1,
                                retryMaxMillis))), null);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Alert delivery to channel " + message.channelName() + " failed unexpectedly", e);
            recorded = record(message, DeliveryStatus.FAILED, attempt, true, started,
                    Duration.between(started, clock.instant()).toMillis(), "unexpected error ("
                            + e.getClass().getSimpleName() + "); not retried");
        }
        if (first != null) {
            first.complete(recorded);
        }
    }

    private void send(Target target, AlertMessage message, Instant at) throws DeliveryException {
        if (target.smtp() != null) {
            mail.send(target.smtp(), AlertPayloads.emailSubject(message), AlertPayloads.emailBody(message));
        } else {
            webhooks.post(target.url(), AlertPayloads.json(message, at));
        }
    }

    private AlertDelivery record(AlertMessage message, DeliveryStatus status, int attempt, boolean last, Instant at,
                                 long millis, String reason) {
        count(message, status);
        try {
            AlertDelivery recorded = store.record(new AlertDelivery(message, status, attempt, last, at, millis,
                    reason));
            live.fire(LiveChange.of(LiveChange.Topic.ALERTS));
            return recorded;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record an alert delivery to " + message.channelName(), e);
            return null;
        }
    }

    private void count(AlertMessage message, DeliveryStatus status) {
        try {
            registry.counter("fleet_alerts_deliveries_total", new Tag("kind", message.channelKind().apiName()),
                    new Tag("status", status.apiName())).inc();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Alert metric not counted", e);
        }
    }

    private static String cut(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
