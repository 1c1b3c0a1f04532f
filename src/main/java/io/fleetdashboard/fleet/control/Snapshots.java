package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.Freshness;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The read side: serves the cached snapshot at once, whatever its age (stale-while-revalidate). A snapshot whose
 * last refresh attempt is older than PORTAINER_CACHE_TTL_SECONDS starts a background refresh. Only when no snapshot
 * exists at all does a request wait, briefly, for the first refresh.
 * <p>
 * Its age is that of its oldest environment's last successful read, never the time of a failed attempt; it is
 * stale when that age passes the TTL, when an environment's data is kept from before, or when it was restored
 * after a restart and no refresh has been published since.
 */
@ApplicationScoped
public class Snapshots {

    @Inject
    SnapshotCache cache;

    @Inject
    FleetCollector collector;

    @Inject
    FleetMetrics metrics;

    @Inject
    @ConfigProperty(name = "portainer.cache.ttl.seconds", defaultValue = "900")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "fleet.first.snapshot.wait.seconds", defaultValue = "10")
    long firstSnapshotWaitSeconds;

    Clock clock = Clock.systemUTC();

    @PostConstruct
    void registerAgeGauge() {
        metrics.snapshotAge(() -> cache.peek().map(s -> (double) status(s).ageSeconds()).orElse(-1.0));
    }

    public FleetSnapshot current() {
        Optional<FleetSnapshot> cached = cache.current();
        if (cached.isPresent()) {
            if (refreshDue(cached.get())) {
                collector.refresh();
            }
            return cached.get();
        }
        // the first snapshot the refresh publishes: at the latest at its first-paint deadline
        var first = collector.firstPublished();
        try {
            return first.get(firstSnapshotWaitSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoSnapshotYetException();
        } catch (Exception e) {
            throw new NoSnapshotYetException();
        }
    }

    public Optional<FleetSnapshot> ifPresent() {
        return cache.current();
    }

    /**
     * Puts one container's new state into the current snapshot at once (after an action), counts and attention
     * included; the next refresh reads it from Docker again. False when the snapshot does not hold that key.
     */
    public boolean replaceContainer(String key, io.fleetdashboard.portainer.entity.Container container) {
        return cache.update(current -> SnapshotEdits.withContainer(current, key, container));
    }

    /** The same, with the facts of the inspect it was read by (its restart count is then known). */
    public boolean replaceContainer(String key, io.fleetdashboard.portainer.entity.Container container,
                                    io.fleetdashboard.fleet.entity.InspectionFacts inspected) {
        return cache.update(current -> SnapshotEdits.withContainer(current, key, container, inspected));
    }

    /** When the snapshot now persisted on disk was taken, if any: what a restart after a crash would serve. */
    public Optional<Instant> persisted() {
        return cache.persisted();
    }

    public SnapshotStatus status(FleetSnapshot snapshot) {
        Freshness freshness = snapshot.freshness();
        Instant dataAsOf = freshness.dataAsOf();
        long ageSeconds = age(dataAsOf == null ? snapshot.takenAt() : dataAsOf).toSeconds();
        boolean restored = cache.restored(snapshot);
        boolean stale = (ttlSeconds > 0 && ageSeconds > ttlSeconds) || dataAsOf == null
                || freshness.environmentsFailed() > 0 || restored;
        return new SnapshotStatus(snapshot.takenAt(), dataAsOf, ageSeconds, stale, freshness.degraded(), restored,
                collector.refreshing(), snapshot.durationMillis(), snapshot.demo(), freshness);
    }

    /** Time for a background refresh: the last attempt is older than the TTL (whatever its outcome). */
    private boolean refreshDue(FleetSnapshot snapshot) {
        return ttlSeconds > 0 && age(snapshot.takenAt()).toSeconds() > ttlSeconds;
    }

    private Duration age(Instant since) {
        Duration age = Duration.between(since, clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
