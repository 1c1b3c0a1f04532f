package io.fleetdashboard.fleet.control;

import io.fleetdashboard.cluster.control.ClusterCache;
import io.fleetdashboard.cluster.control.CollectorLease;
import io.fleetdashboard.cluster.control.FencedCache;
import io.fleetdashboard.cluster.control.LeaseTable;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The fleet snapshot shared by instances on one database ({@link CollectorLease}): the lease holder publishes each
 * complete snapshot with its fencing token (a stale holder's publish is refused and counted) to the database and,
 * when the instances run Hazelcast (server-config/session-cache.xml), to Hazelcast's JCache ({@link ClusterCache},
 * {@link FencedCache}: compare-and-set on a small metadata entry). The others check the version every
 * CLUSTER_SNAPSHOT_POLL_MILLIS, in Hazelcast first (the database is not read while Hazelcast has a snapshot), in the
 * database when Hazelcast has none (e.g. the whole cluster restarted) or is not there, and deserialize each new
 * version once into their own cache; a refresh asked of them becomes a request to the holder. Loads are counted by
 * source (fleet_cluster_snapshot_loads_total{source=hazelcast|database}). Nothing of this runs for a single instance.
 */
@ApplicationScoped
public class SharedSnapshots {

    static final String NAME = "fleet";
    private static final Logger LOG = Logger.getLogger(SharedSnapshots.class.getName());

    @Inject
    CollectorLease lease;

    @Inject
    SnapshotCache cache;

    @Inject
    FleetCollector collector;

    @Inject
    Environments environments;

    @Inject
    ClusterCache clusterCache;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "cluster.snapshot.poll.millis", defaultValue = "1000")
    long pollMillis;

    private final AtomicReference<FleetSnapshot> pendingPublish = new AtomicReference<>();
    private final AtomicBoolean publisherScheduled = new AtomicBoolean();
    private final AtomicLong lastRefreshRequest = new AtomicLong();
    private final AtomicLong refreshesServed = new AtomicLong(-1);
    /** The version in this instance's cache: token and takenAt (millis) of the loaded snapshot. */
    private volatile long loadedToken = -1;
    private volatile long loadedTakenAt = -1;
    private ScheduledFuture<?> polling;

    // After the lease (APPLICATION + 400), before the refresh schedule (APPLICATION + 500).
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 450)
               @Initialized(ApplicationScoped.class) Object started) {
        if (!lease.shared()) {
            return;
        }
        // the new holder fences off the old one in Hazelcast too, then collects at once instead of at the next period
        lease.onTakeover(() -> clusterCache.fenced().ifPresent(c -> c.fence(NAME, lease.token(), lease.id())));
        lease.onTakeover(collector::refresh);
        lease.onRenewal(this::refreshIfAsked);
        polling = scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, Math.max(200, pollMillis),
                TimeUnit.MILLISECONDS);
    }

    /** Whether this instance collects (else it follows the holder's snapshot). */
    public boolean collectsHere() {
        return lease.holds();
    }

    /** A complete snapshot of this instance's refresh: published for the others while this instance holds the lease. */
    void published(FleetSnapshot snapshot) {
        if (!lease.shared() || !lease.holds()) {
            return;
        }
        pendingPublish.set(snapshot);
        if (publisherScheduled.compareAndSet(false, true)) {
            executor.execute(this::publishPending);
        }
    }

    /** One publisher at a time, always the latest snapshot (an older pending one is skipped). */
    private void publishPending() {
        do {
            FleetSnapshot latest;
            while ((latest = pendingPublish.getAndSet(null)) != null) {
                publish(latest);
            }
            publisherScheduled.set(false);
        } while (pendingPublish.get() != null && publisherScheduled.compareAndSet(false, true));
    }

    private void publish(FleetSnapshot snapshot) {
        long token = lease.token();
        byte[] body;
        try {
            body = SnapshotFile.toBytes(snapshot);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not serialize the snapshot to share it: " + e.getMessage());
            return;
        }
        boolean refusedByDatabase = false;
        try {
            // the durable copy, fenced by the lease row (also what a restarted cluster starts from)
            refusedByDatabase = !lease.table().orElseThrow().publish(CollectorLease.LEASE, NAME, lease.id(), token,
                    snapshot.takenAt().toEpochMilli(), body);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not share the snapshot through the database: " + e.getMessage());
        }
        if (refusedByDatabase) {
            rejected(token, "database");
            return;
        }
        Optional<FencedCache> hazelcast = clusterCache.fenced();
        if (hazelcast.isPresent()) {
            try {
                FencedCache.Outcome outcome = hazelcast.get().publish(NAME, token, snapshot.takenAt().toEpochMilli(),
                        lease.id(), body);
                if (outcome == FencedCache.Outcome.FENCED) {
                    rejected(token, "hazelcast");
                } else if (outcome == FencedCache.Outcome.PUBLISHED) {
                    published("hazelcast").inc();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not share the snapshot through Hazelcast: " + e.getMessage());
            }
        }
    }

    private void rejected(long token, String store) {
        registry.counter(Metadata.builder().withName("fleet_cluster_publish_rejected").withDescription(
                "Snapshot publishes refused because this instance's lease token was no longer current").build())
                .inc();
        LOG.warning(() -> "Snapshot publish with the stale lease token " + token + " refused by the " + store);
    }

    private org.eclipse.microprofile.metrics.Counter published(String store) {
        return registry.counter(Metadata.builder().withName("fleet_cluster_snapshot_publishes_total")
                .withDescription("Snapshots this instance published for the others, by store").build(),
                new Tag("store", store));
    }

    private org.eclipse.microprofile.metrics.Counter loads(String source) {
        return registry.counter(Metadata.builder().withName("fleet_cluster_snapshot_loads_total")
                .withDescription("Shared snapshots this follower deserialized into its cache, by where it read them")
                .build(), new Tag("source", source));
    }

    /** A follower's refresh: asks the holder for one, and serves the latest shared snapshot meanwhile. */
    Optional<FleetSnapshot> follow() {
        long now = System.currentTimeMillis();
        long last = lastRefreshRequest.get();
        if (now - last > 2000 && lastRefreshRequest.compareAndSet(last, now)) {
            try {
                lease.table().orElseThrow().requestRefresh(CollectorLease.LEASE);
            } catch (SQLException e) {
                LOG.log(Level.WARNING, "Could not ask the collector for a refresh: " + e.getMessage());
            }
        }
        poll();
        return cache.current();
    }

    /** The holder's renewal: a refresh another instance asked for since the last one. */
    private void refreshIfAsked() {
        try {
            long asked = lease.table().orElseThrow().refreshRequestedAt(CollectorLease.LEASE);
            long served = refreshesServed.get();
            if (served < 0) {
                refreshesServed.compareAndSet(served, asked); // requests from before this holder took over
            } else if (asked > served && refreshesServed.compareAndSet(served, asked)) {
                // e.g. an environment added on another instance: read the list from the database again
                environments.invalidate();
                collector.refresh();
            }
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not read the refresh requests", e);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Could not read the shared snapshot", e);
        }
    }

    /** Loads the shared snapshot into this instance's cache when a new one was published (followers only). */
    synchronized void poll() {
        if (!lease.shared() || lease.holds()) {
            return;
        }
        if (pollHazelcast()) {
            return;
        }
        try {
            LeaseTable table = lease.table().orElseThrow();
            Optional<LeaseTable.SharedVersion> version = table.version(NAME);
            if (version.isEmpty() || isLoaded(version.get().token(), version.get().takenAt())) {
                return;
            }
            Optional<byte[]> body = table.body(NAME);
            if (body.isPresent()) {
                load(SnapshotFile.fromBytes(body.get()), version.get().token(), "database");
            }
        } catch (SQLException | IOException e) {
            LOG.log(Level.WARNING, "Could not load the shared snapshot: " + e.getMessage());
        }
    }

    /** True when Hazelcast holds a snapshot (loaded now or already): then the database is not read. */
    private boolean pollHazelcast() {
        Optional<FencedCache> hazelcast = clusterCache.fenced();
        if (hazelcast.isEmpty()) {
            return false;
        }
        try {
            Optional<FencedCache.Entry> entry = hazelcast.get().current(NAME);
            if (entry.isEmpty() || !entry.get().hasBody()) {
                return false; // e.g. the whole cluster restarted: the database has the last one
            }
            if (isLoaded(entry.get().token(), entry.get().takenAt())) {
                return true;
            }
            Optional<byte[]> body = hazelcast.get().body(entry.get());
            if (body.isEmpty()) {
                return true; // replaced meanwhile: the next poll reads the newer one
            }
            load(SnapshotFile.fromBytes(body.get()), entry.get().token(), "hazelcast");
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not load the snapshot from Hazelcast: " + e.getMessage());
            return false;
        }
    }

    private boolean isLoaded(long token, long takenAt) {
        return token == loadedToken && takenAt == loadedTakenAt;
    }

    private void load(FleetSnapshot snapshot, long token, String source) {
        cache.put(snapshot);
        loadedToken = token;
        loadedTakenAt = snapshot.takenAt().toEpochMilli();
        loads(source).inc();
        LOG.fine(() -> "Loaded the snapshot taken at " + snapshot.takenAt() + " (token " + token + ") from " + source);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (polling != null) {
            polling.cancel(false);
        }
    }
}
