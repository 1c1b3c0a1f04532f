package io.fleetdashboard.insights.control;

import io.fleetdashboard.cluster.control.CollectorLease;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.insights.entity.Condition;
import io.fleetdashboard.insights.entity.ModelAnalysis;
import io.fleetdashboard.insights.entity.InsightStatus;
import io.fleetdashboard.insights.entity.RoundReport;
import io.fleetdashboard.metrics.control.MetricsCollector;
import io.fleetdashboard.metrics.control.MetricsStore;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Sample;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import io.fleetdashboard.live.entity.LiveChange;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The monitor: every MONITORING_INTERVAL_MINUTES (minimum 1; nothing scheduled with MONITORING_ENABLED=false) a round
 * on the managed scheduler analyses the current fleet snapshot (never waiting for or starting a refresh), scans the
 * posture of containers not scanned yet, reads the metrics store's recent anomalies and samples, applies the rules
 * and reconciles the insight store. One round at a time: a round asked for while one runs starts after it (at most
 * one waits), so what it analyses is never older than the request.
 */
@ApplicationScoped
public class Monitor {

    private static final Logger LOG = Logger.getLogger(Monitor.class.getName());

    /** Several instances on one database: only the collector lease's holder runs scheduled rounds (null in tests). */
    @Inject
    CollectorLease lease;

    @Inject
    jakarta.enterprise.event.Event<LiveChange> live;

    @Inject
    Snapshots snapshots;

    @Inject
    PostureScan posture;

    @Inject
    StackImageChecks imageChecks;

    @Inject
    RoundAnalyst analyst;

    @Inject
    InsightStore store;

    @Inject
    MetricsStore metrics;

    @Inject
    MetricsCollector metricsCollector;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "monitoring.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "monitoring.interval.minutes", defaultValue = "5")
    long intervalMinutes;

    @Inject
    @ConfigProperty(name = "monitoring.first.round.delay.seconds", defaultValue = "60")
    long firstDelaySeconds;

    @Inject
    @ConfigProperty(name = "monitoring.excluded.endpoints", defaultValue = " ")
    String excludedEndpoints;

    @Inject
    @ConfigProperty(name = "monitoring.excluded.stacks", defaultValue = " ")
    String excludedStacks;

    @Inject
    @ConfigProperty(name = "monitoring.excluded.containers",
            defaultValue = "portainer_edge_agent,portainer-agent,sysdig-host-shield")
    String excludedContainers;

    @Inject
    @ConfigProperty(name = "monitoring.offline.confirm.rounds", defaultValue = "2")
    int offlineConfirmRounds;

    @Inject
    @ConfigProperty(name = "monitoring.insights.retention.days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "monitoring.round.deadline.seconds", defaultValue = "120")
    int roundDeadlineSeconds;

    @Inject
    jakarta.enterprise.event.Event<io.fleetdashboard.insights.entity.RoundFinished> finished;

    Clock clock = Clock.systemUTC();

    private Flapping flapping;
    private Exclusions exclusions = Exclusions.NONE;
    private ScheduledFuture<?> schedule;
    private CompletableFuture<RoundReport> current;
    private CompletableFuture<RoundReport> queued;
    private volatile RoundReport last;
    private volatile ModelAnalysis analysis;
    private volatile List<Condition> modelConditions = List.of();

    // After the fleet refresh schedule (APPLICATION + 500) and the metrics schedule (+ 600).
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 700)
               @Initialized(ApplicationScoped.class) Object started) {
        exclusions = Exclusions.of(excludedEndpoints, excludedStacks, excludedContainers);
        flapping = new Flapping(offlineConfirmRounds, c -> c.kind().equals(InsightRules.ENDPOINT_OFFLINE));
        if (!enabled) {
            LOG.info("Monitoring disabled (MONITORING_ENABLED=false): insights only on request");
            return;
        }
        long minutes = intervalMinutes();
        schedule = scheduler.scheduleWithFixedDelay(this::scheduledRound, Math.max(1, firstDelaySeconds),
                minutes * 60, TimeUnit.SECONDS);
        LOG.info(() -> "Monitoring every " + minutes + " min");
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public long intervalMinutes() {
        return Math.max(1, intervalMinutes);
    }

    public Exclusions exclusions() {
        return exclusions;
    }

    /** The last finished round, if any. */
    public Optional<RoundReport> last() {
        return Optional.ofNullable(last);
    }

    /** The language model's reading of the latest round it read, when a model is configured. */
    public Optional<ModelAnalysis> analysis() {
        return Optional.ofNullable(analysis);
    }

    public boolean running() {
        CompletableFuture<RoundReport> c;
        synchronized (this) {
            c = current;
        }
        return c != null && !c.isDone();
    }

    private void scheduledRound() {
        if (lease != null && !lease.holds()) {
            return; // several instances: the collector lease's holder runs it, once for all
        }
        try {
            round().get(roundDeadlineSeconds * 2L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Monitoring round failed", e);
        }
    }

    /**
     * A round that starts now, or after the one running (joining the one already waiting for it): completes with
     * its report. Never blocks.
     */
    public synchronized CompletableFuture<RoundReport> round() {
        if (current == null || current.isDone()) {
            current = CompletableFuture.supplyAsync(this::analyse, executor);
            return current;
        }
        if (queued == null) {
            CompletableFuture<RoundReport> next = current.handle((r, e) -> null)
                    .thenCompose(ignored -> startQueued());
            queued = next;
        }
        return queued;
    }

    private synchronized CompletableFuture<RoundReport> startQueued() {
        queued = null;
        current = CompletableFuture.supplyAsync(this::analyse, executor);
        return current;
    }

    /** One round, on a managed thread. */
    RoundReport analyse() {
        Instant started = clock.instant();
        Optional<FleetSnapshot> present = snapshots.ifPresent();
        if (present.isEmpty()) {
            RoundReport report = new RoundReport(started, clock.instant(), null, false, 0, 0, 0, 0, 0, 0,
                    0, 0, 0, "No fleet snapshot yet: nothing analysed");
            last = report;
            return report;
        }
        FleetSnapshot snapshot = present.get();
        List<String> problems = new ArrayList<>();
        awaitStep(posture.scan(snapshot, exclusions, executor, scheduler), "posture scan", problems);
        awaitStep(imageChecks.check(snapshot, exclusions, executor, scheduler), "image status check", problems);
        List<Anomaly> anomalies = List.of();
        List<Sample> latest = List.of();
        if (metricsCollector.enabled()) {
            Duration window = Duration.ofSeconds(Math.max(metricsCollector.intervalSeconds() * 3, 180));
            try {
                anomalies = metrics.anomalies(new MetricsStore.AnomalyQuery(started.minus(window), started, null,
                        null, null, null, 500));
                latest = latestPerContainer(metrics.samplesSince(started.minus(window)));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Metrics not read for this round", e);
                problems.add("metrics not read (" + e.getMessage() + ")");
            }
        }
        List<Condition> conditions = new ArrayList<>(InsightRules.of(snapshot, posture.postures(), anomalies, latest,
                exclusions, InsightRules.Thresholds.DEFAULT));
        conditions.addAll(InsightRules.outdatedImages(imageChecks.checks(), exclusions));
        List<Condition> confirmed;
        synchronized (flapping) {
            confirmed = flapping.confirmed(conditions, store.openKeys());
        }
        // The model reads the rules' findings; its own become insights of kind model_finding. When it fails, its
        // findings of the last round it read stay as they were (a failing model resolves nothing).
        Optional<ModelAnalysis> read = analyst.analyse(confirmed);
        read.ifPresent(a -> analysis = a);
        if (read.isEmpty()) {
            modelConditions = List.of();
        } else if (read.get().error() == null) {
            modelConditions = InsightRules.modelFindings(read.get());
        }
        List<Condition> all = new ArrayList<>(confirmed);
        all.addAll(modelConditions);
        Instant at = clock.instant();
        InsightStore.Changes changes = store.reconcile(all, at, snapshot.demo());
        try {
            store.purgeResolvedBefore(at.minus(Duration.ofDays(Math.max(1, retentionDays))));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not purge old insights", e);
        }
        RoundReport report = new RoundReport(started, clock.instant(), snapshot.takenAt(), snapshot.demo(),
                snapshot.endpoints().size(), snapshot.containers().size(), all.size(), changes.opened(),
                changes.updated(), changes.resolved(), changes.open(), posture.scanned(snapshot, exclusions),
                posture.running(snapshot, exclusions), problems.isEmpty() ? null : String.join("; ", problems));
        last = report;
        try {
            finished.fire(new io.fleetdashboard.insights.entity.RoundFinished(report));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of the monitoring round failed", e);
        }
        live.fire(LiveChange.of(LiveChange.Topic.INSIGHTS));
        LOG.fine(() -> "Monitoring round: " + report);
        return report;
    }

    /** Waits for a step of the round up to its deadline; what kept it from finishing becomes one of the problems. */
    private void awaitStep(CompletableFuture<?> step, String what, List<String> problems) {
        try {
            step.get(roundDeadlineSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add("interrupted during the " + what);
        } catch (Exception e) {
            problems.add(what + " incomplete (" + e.getClass().getSimpleName() + ")");
        }
    }

    static List<Sample> latestPerContainer(List<Sample> samples) {
        Map<String, Sample> latest = new HashMap<>();
        for (Sample s : samples) {
            latest.merge(s.containerKey(), s, (a, b) -> b.at().isAfter(a.at()) ? b : a);
        }
        return List.copyOf(latest.values());
    }

    /** For the status line: the open count per status is the store's. */
    public int open() {
        return store.count(new io.fleetdashboard.insights.entity.InsightFilter(InsightStatus.OPEN, null, null, null,
                null));
    }
}
