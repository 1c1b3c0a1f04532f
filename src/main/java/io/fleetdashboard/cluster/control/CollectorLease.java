package io.fleetdashboard.cluster.control;

import io.fleetdashboard.cluster.entity.LeaseState;
import io.fleetdashboard.database.control.SqlDialect;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * One collector at a time among instances sharing a database: the instance holding the lease "collector" refreshes
 * the fleet and samples metrics; the others serve the snapshot it shares. The holder renews the lease every third of
 * CLUSTER_LEASE_SECONDS; when it dies, another takes over once the lease has expired (at the latest about
 * CLUSTER_LEASE_SECONDS plus one renewal period later), with a token one higher, which fences off the old holder's
 * late writes ({@link LeaseTable#publish}). An instance also stops counting itself the holder when it could not
 * renew in time (database unreachable), so two never collect at once for long.
 * <p>
 * On SQLite (a local file, so one instance) or with CLUSTER_MODE=single, it always holds the lease and touches no
 * table: the single instance behaves exactly as before.
 */
@ApplicationScoped
public class CollectorLease {

    public static final String LEASE = "collector";
    private static final Logger LOG = Logger.getLogger(CollectorLease.class.getName());

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** auto: a lease in the database when it is PostgreSQL; single: always the holder. */
    @Inject
    @ConfigProperty(name = "cluster.mode", defaultValue = "auto")
    String mode;

    @Inject
    @ConfigProperty(name = "cluster.lease.seconds", defaultValue = "15")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "cluster.instance.id")
    Optional<String> configuredId;

    LongSupplier nanoClock = System::nanoTime;

    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    volatile boolean shared;
    private volatile LeaseState state;
    private volatile long validUntilNanos;
    private final AtomicLong takeovers = new AtomicLong();
    private final List<Runnable> onTakeover = new CopyOnWriteArrayList<>();
    private final List<Runnable> onRenewal = new CopyOnWriteArrayList<>();
    LeaseTable table;
    private ScheduledFuture<?> renewals;

    // After the migrations (PLATFORM_BEFORE), before the fleet's refresh schedule (APPLICATION + 500).
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 400)
               @Initialized(ApplicationScoped.class) Object started) {
        registry.gauge(Metadata.builder().withName("fleet_cluster_leader").withDescription(
                "1 when this instance holds the collector lease (collects the fleet and samples metrics)").build(),
                () -> holds() ? 1 : 0);
        registry.gauge(Metadata.builder().withName("fleet_cluster_takeovers").withDescription(
                "Times this instance took the collector lease (at start-up or from an expired holder)").build(),
                takeovers::get);
        shared = !"single".equalsIgnoreCase(mode) && databaseIsShared();
        if (!shared) {
            LOG.info("Single instance: this one collects the fleet (no lease)");
            return;
        }
        table = new LeaseTable(dataSource);
        renew();
        long period = Math.max(1000, leaseMillis() / 3);
        renewals = scheduler.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "Instance " + id() + " shares the database: collector lease of " + leaseSeconds + " s, "
                + (holds() ? "held by this instance" : "held by " + (state == null ? "?" : state.holder())));
    }

    private boolean databaseIsShared() {
        try (Connection c = dataSource.getConnection()) {
            return SqlDialect.of(c) == SqlDialect.POSTGRESQL;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database jdbc/fleet is: " + e.getMessage(), e);
        }
    }

    /** Takes or renews the lease; runs the takeover callbacks when this instance just took it. */
    void renew() {
        long asked = nanoClock.getAsLong();
        try {
            LeaseState now = table.acquire(LEASE, id(), leaseMillis());
            state = now;
            // counted from before the attempt, with a margin: never longer than the database's expiry
            validUntilNanos = asked + TimeUnit.MILLISECONDS.toNanos(leaseMillis() * 2 / 3);
            if (now.takeover()) { // a new token: this instance just took the lease (a renewal keeps the token)
                takeovers.incrementAndGet();
                LOG.info(() -> "Instance " + id() + " took the collector lease (token " + now.token() + ")");
                onTakeover.forEach(CollectorLease::quietly);
            }
            if (now.held()) {
                onRenewal.forEach(CollectorLease::quietly);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not renew the collector lease: " + e.getMessage());
        }
    }

    private static void quietly(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A lease callback failed", e);
        }
    }

    private long leaseMillis() {
        return Math.max(3, leaseSeconds) * 1000;
    }

    /** True when this instance is to collect: the single instance always, otherwise the lease's live holder. */
    public boolean holds() {
        if (!shared) {
            return true;
        }
        LeaseState now = state;
        return now != null && now.held() && nanoClock.getAsLong() - validUntilNanos < 0;
    }

    /** Whether several instances share the database (and so the lease and the snapshot). */
    public boolean shared() {
        return shared;
    }

    /** The holder's fencing token (0 for the single instance). */
    public long token() {
        LeaseState now = state;
        return shared && now != null ? now.token() : 0;
    }

    /** This instance's id in the lease table (CLUSTER_INSTANCE_ID, else a random one per start). */
    public String id() {
        return configuredId.filter(s -> !s.isBlank()).map(s -> s.strip() + "-" + instance).orElse(instance);
    }

    /** Who holds the lease, as last seen (empty for the single instance). */
    public Optional<LeaseState> state() {
        return Optional.ofNullable(state);
    }

    /** Runs the callback every time this instance takes the lease (e.g. the fleet collector refreshes at once). */
    public void onTakeover(Runnable callback) {
        onTakeover.add(callback);
    }

    /** Runs the callback after every renewal while this instance holds the lease. */
    public void onRenewal(Runnable callback) {
        onRenewal.add(callback);
    }

    /** The database side of the lease (only when shared). */
    public Optional<LeaseTable> table() {
        return Optional.ofNullable(table);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (renewals != null) {
            renewals.cancel(false);
        }
        if (table != null && holds()) {
            try {
                table.release(LEASE, id());
                LOG.info(() -> "Instance " + id() + " released the collector lease");
            } catch (SQLException e) {
                LOG.log(Level.FINE, "Could not release the collector lease", e);
            }
        }
    }
}
