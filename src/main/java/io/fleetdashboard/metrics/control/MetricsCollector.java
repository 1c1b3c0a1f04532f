package io.fleetdashboard.metrics.control;

import io.fleetdashboard.cluster.control.CollectorLease;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.BoundedFanOut;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.RoundReport;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.StatsReading;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Samples containers/{id}/stats?stream=false of running containers on online endpoints (from the current fleet
 * snapshot) in rounds, independent of any other feature.
 * <p>
 * <b>Rounds.</b> One round at a time: a scheduled tick while a round runs is skipped and counted; a manual
 * {@link #collect()} joins the running round. Per environment a round takes at most
 * {@code metrics.max.containers.per.round} containers, round-robin (a cursor per environment), and reads them with
 * at most {@code metrics.max.concurrency} calls in flight and {@code metrics.stats.deadline.seconds} per call
 * ({@link BoundedFanOut} on the managed executors). Late or failed calls are skipped, not waited for. A round also
 * has a time budget of 80% of the interval: calls not started by then are skipped, so even with every call at its
 * deadline a round ends within the budget plus one deadline.
 * <p>
 * <b>Values.</b> CPU% by the docker CLI formula between this reading and the container's previous one (the average
 * over the interval), or on a container's first reading between cpu_stats and precpu_stats. Memory used = usage −
 * inactive file (v1/v2), %, and network/block counters turned into bytes per second against the previous reading
 * (none on a first reading or after a counter reset). Every value then goes through the {@link AnomalyDetector}; the
 * round's samples and anomalies are stored in one transaction.
 */
@ApplicationScoped
public class MetricsCollector {

    private static final Logger LOG = Logger.getLogger(MetricsCollector.class.getName());
    static final double ROUND_BUDGET_SHARE = 0.8;

    /** Several instances on one database: only the collector lease's holder runs this (null in unit tests). */
    @Inject
    CollectorLease lease;

    @Inject
    Snapshots snapshots;

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    MetricsStore store;

    @Inject
    CollectorMetrics telemetry;

    @Resource
    ManagedExecutorService managedExecutor;

    @Resource
    ManagedScheduledExecutorService managedTimer;

    ExecutorService executor;
    ScheduledExecutorService timer;

    @Inject
    @ConfigProperty(name = "metrics.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "metrics.collection.interval.seconds", defaultValue = "60")
    long intervalSeconds;

    @Inject
    @ConfigProperty(name = "metrics.max.concurrency", defaultValue = "8")
    int maxConcurrency;

    @Inject
    @ConfigProperty(name = "metrics.stats.deadline.seconds", defaultValue = "5")
    int statsDeadlineSeconds;

    @Inject
    @ConfigProperty(name = "metrics.max.containers.per.round", defaultValue = "250")
    int maxContainersPerRound;

    @Inject
    @ConfigProperty(name = "metrics.window", defaultValue = "30")
    int window;

    @Inject
    @ConfigProperty(name = "metrics.min.samples", defaultValue = "10")
    int minSamples;

    @Inject
    @ConfigProperty(name = "metrics.zscore.threshold", defaultValue = "3")
    double threshold;

    @Inject
    @ConfigProperty(name = "metrics.anomaly.persistence", defaultValue = "2")
    int persistence;

    Clock clock = Clock.systemUTC();
    AnomalyDetector detector;

    private final AtomicReference<CompletableFuture<RoundReport>> inFlight = new AtomicReference<>();
    private final Map<String, Reading> previous = new ConcurrentHashMap<>();
    private final Map<String, Integer> cursors = new ConcurrentHashMap<>();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong ticksSkipped = new AtomicLong();
    private volatile RoundReport lastRound;

    /** The cumulative counters of a container's last reading. */
    record Reading(Instant at, StatsReading.Cpu cpu, long netRx, long netTx, long blockRead, long blockWrite) {
    }

    /** A container chosen for a round. */
    record Target(FleetContainer container, FleetEndpoint endpoint) {
    }

    record Read(Target target, StatsReading stats, Instant at) {
    }

    @PostConstruct
    void init() {
        executor = managedExecutor;
        timer = managedTimer;
        detector = new AnomalyDetector(window, minSamples, threshold, persistence);
    }

    public boolean enabled() {
        return enabled;
    }

    public long intervalSeconds() {
        return Math.max(1, intervalSeconds);
    }

    public int maxConcurrency() {
        return maxConcurrency;
    }

    public int statsDeadlineSeconds() {
        return statsDeadlineSeconds;
    }

    public int maxContainersPerRound() {
        return maxContainersPerRound;
    }

    public long rounds() {
        return rounds.get();
    }

    public long ticksSkipped() {
        return ticksSkipped.get();
    }

    public Optional<RoundReport> lastRound() {
        return Optional.ofNullable(lastRound);
    }

    public boolean running() {
        return inFlight.get() != null;
    }

    /** The scheduler's tick: starts a round unless one is still running (then the tick is skipped and counted). */
    public void tick() {
        if (!enabled || (lease != null && !lease.holds())) {
            return; // another instance holds the collector lease: it samples the fleet
        }
        if (running()) {
            ticksSkipped.incrementAndGet();
            telemetry.tickSkipped();
            LOG.fine("Metrics tick skipped: the previous round is still running");
            return;
        }
        collect();
    }

    /** Starts a round, or joins the one running. */
    public CompletableFuture<RoundReport> collect() {
        while (true) {
            CompletableFuture<RoundReport> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<RoundReport> fresh = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, fresh)) {
                start(fresh);
                return fresh;
            }
        }
    }

    /** Seeds the detector's windows with stored samples (oldest first), so a restart does not reset baselines. */
    public void seedDetector(List<Sample> oldestFirst) {
        Map<String, List<Sample>> byContainer = oldestFirst.stream()
                .collect(Collectors.groupingBy(Sample::containerKey));
        byContainer.forEach((key, samples) -> {
            for (Metric metric : Metric.values()) {
                detector.seed(key, metric, samples.stream().map(metric::of).filter(Objects::nonNull).toList());
            }
        });
    }

    private void start(CompletableFuture<RoundReport> result) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        CompletableFuture<RoundReport> work;
        try {
            List<Target> eligible = eligible(snapshots.ifPresent().orElse(null));
            Map<String, List<Target>> byEnvironment = eligible.stream().collect(Collectors.groupingBy(
                    t -> t.container().environment(), java.util.TreeMap::new, Collectors.toList()));
            Map<String, EnvironmentConnection> connections = environments.active().stream()
                    .collect(Collectors.toMap(EnvironmentConnection::name, Function.identity(), (a, b) -> a));
            long budgetEnd = started + (long) (intervalSeconds() * 1e9 * ROUND_BUDGET_SHARE);
            List<CompletableFuture<List<Read>>> perEnvironment = new ArrayList<>();
            int targets = 0;
            for (Map.Entry<String, List<Target>> entry : byEnvironment.entrySet()) {
                List<Target> chosen = choose(entry.getKey(), entry.getValue());
                targets += chosen.size();
                EnvironmentConnection connection = connections.get(entry.getKey());
                if (connection == null) {
                    continue;
                }
                perEnvironment.add(BoundedFanOut.run(chosen, maxConcurrency,
                        Duration.ofSeconds(Math.max(1, statsDeadlineSeconds)), executor, timer,
                        target -> read(connection, target, budgetEnd), (target, error) -> null));
            }
            int eligibleCount = eligible.size();
            int targetCount = targets;
            Set<String> alive = eligible.stream().map(t -> t.container().key()).collect(Collectors.toSet());
            work = CompletableFuture.allOf(perEnvironment.toArray(CompletableFuture[]::new))
                    .thenApplyAsync(done -> {
                        List<Read> reads = perEnvironment.stream().flatMap(f -> f.join().stream())
                                .filter(Objects::nonNull).toList();
                        return finish(startedAt, started, eligibleCount, targetCount, reads, alive);
                    }, executor);
        } catch (RuntimeException e) {
            work = CompletableFuture.failedFuture(e);
        }
        work.whenComplete((report, error) -> {
            inFlight.set(null);
            if (error != null) {
                LOG.log(Level.WARNING, "Metrics round failed", BoundedFanOut.unwrap(error));
                result.completeExceptionally(BoundedFanOut.unwrap(error));
            } else {
                result.complete(report);
            }
        });
    }

    /** Running containers on online endpoints whose Docker API we can reach, in key order. */
    static List<Target> eligible(FleetSnapshot snapshot) {
        if (snapshot == null) {
            return List.of();
        }
        Map<String, FleetEndpoint> endpoints = snapshot.endpoints().stream()
                .collect(Collectors.toMap(FleetEndpoint::key, e -> e, (a, b) -> a));
        return snapshot.containers().stream()
                .filter(c -> c.container().state() == ContainerState.RUNNING)
                .map(c -> new Target(c, endpoints.get(c.endpointKey())))
                .filter(t -> t.endpoint() != null && t.endpoint().online() && t.endpoint().endpoint().dockerReachable())
                .sorted(Comparator.comparing(t -> t.container().key()))
                .toList();
    }

    /** At most maxContainersPerRound of an environment's containers, continuing where the last round stopped. */
    List<Target> choose(String environment, List<Target> all) {
        int limit = Math.max(1, maxContainersPerRound);
        if (all.size() <= limit) {
            cursors.put(environment, 0);
            return all;
        }
        int from = Math.floorMod(cursors.getOrDefault(environment, 0), all.size());
        List<Target> chosen = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            chosen.add(all.get((from + i) % all.size()));
        }
        cursors.put(environment, (from + limit) % all.size());
        return chosen;
    }

    /** On a managed thread: one stats call, unless the round's time budget is spent (then skipped). */
    private Read read(EnvironmentConnection connection, Target target, long budgetEnd) {
        if (System.nanoTime() > budgetEnd) {
            return null;
        }
        StatsReading stats = gateway.stats(connection, target.endpoint().endpoint().id(),
                target.container().container().id());
        return stats.empty() ? null : new Read(target, stats, clock.instant());
    }

    private RoundReport finish(Instant startedAt, long started, int eligible, int targets, List<Read> reads,
                               Set<String> alive) {
        List<Sample> samples = new ArrayList<>(reads.size());
        List<Anomaly> anomalies = new ArrayList<>();
        for (Read read : reads) {
            Sample sample = sample(read);
            samples.add(sample);
            for (Metric metric : Metric.values()) {
                Double value = metric.of(sample);
                if (value != null) {
                    detector.observe(sample.containerKey(), metric, value).ifPresent(v -> anomalies.add(
                            new Anomaly(sample.containerKey(), sample.containerName(), sample.endpointKey(),
                                    sample.endpointName(), metric, sample.at(), value, v.expected(), v.score(),
                                    v.direction(), v.severity())));
                }
            }
        }
        previous.keySet().retainAll(alive);
        detector.retain(alive);
        int written = store.write(samples, anomalies, null);
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        int skipped = targets - reads.size();
        RoundReport report = new RoundReport(startedAt, millis, eligible, targets, reads.size(), skipped, written,
                anomalies.size());
        lastRound = report;
        rounds.incrementAndGet();
        telemetry.round(Duration.ofMillis(millis), written, skipped, anomalies.size());
        LOG.fine(() -> "Metrics round: " + report);
        return report;
    }

    /** Turns a reading into a sample against the container's previous reading, and remembers it. */
    Sample sample(Read read) {
        FleetContainer container = read.target().container();
        StatsReading stats = read.stats();
        Instant at = stats.read() != null ? stats.read() : read.at();
        long rx = StatsFormulas.networkRx(stats);
        long tx = StatsFormulas.networkTx(stats);
        long blockRead = StatsFormulas.blockRead(stats);
        long blockWrite = StatsFormulas.blockWrite(stats);
        Reading before = previous.get(container.key());
        Double cpu;
        if (before != null && before.cpu() != null && stats.cpu() != null
                && stats.cpu().totalUsage() >= before.cpu().totalUsage()
                && stats.cpu().systemUsage() > before.cpu().systemUsage()) {
            cpu = StatsFormulas.cpuPercent(before.cpu(), stats.cpu());
        } else {
            cpu = stats.cpu() == null ? null : StatsFormulas.cpuPercent(stats);
        }
        Long memory = StatsFormulas.memoryUsed(stats.memory());
        Long limit = stats.memory() == null ? null : stats.memory().limit();
        Double memoryPercent = memory == null ? null : StatsFormulas.memoryPercent(memory, limit);
        Instant beforeAt = before == null ? null : before.at();
        Sample sample = new Sample(container.key(), container.container().name(), container.endpointKey(),
                container.endpointName(), at, cpu, memory, memoryPercent, limit,
                stats.networks().isEmpty() ? null : StatsFormulas.rate(before == null ? null : before.netRx(), rx,
                        beforeAt, at),
                stats.networks().isEmpty() ? null : StatsFormulas.rate(before == null ? null : before.netTx(), tx,
                        beforeAt, at),
                StatsFormulas.rate(before == null ? null : before.blockRead(), blockRead, beforeAt, at),
                StatsFormulas.rate(before == null ? null : before.blockWrite(), blockWrite, beforeAt, at));
        previous.put(container.key(), new Reading(at, stats.cpu(), rx, tx, blockRead, blockWrite));
        return sample;
    }

    /** Share of the eligible containers the last round sampled (1.0 = all). */
    public double coverage() {
        RoundReport r = lastRound;
        return r == null || r.eligible() == 0 ? 0.0 : (double) r.sampled() / r.eligible();
    }

    Set<String> trackedContainers() {
        return new HashSet<>(previous.keySet());
    }
}
