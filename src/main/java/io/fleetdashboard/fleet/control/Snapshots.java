package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.SnapshotStatus;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The read side: serves the cached snapshot at once, whatever its age (stale-while-revalidate). A snapshot older
 * than PORTAINER_CACHE_TTL_SECONDS is marked stale and starts a background refresh. Only when no snapshot exists
 * at all does a request wait, briefly, for the first refresh.
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
        metrics.snapshotAge(() -> cache.peek().map(s -> (double) age(s).toSeconds()).orElse(-1.0));
    }

    public FleetSnapshot current() {
        Optional<FleetSnapshot> cached = cache.current();
        if (cached.isPresent()) {
            if (stale(cached.get())) {
                collector.refresh();
            }
            return cached.get();
        }
        var first = collector.inFlight().orElseGet(collector::refresh);
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

    public SnapshotStatus status(FleetSnapshot snapshot) {
        return new SnapshotStatus(snapshot.takenAt(), age(snapshot).toSeconds(), stale(snapshot),
                collector.refreshing(), snapshot.durationMillis(), snapshot.demo());
    }

    private boolean stale(FleetSnapshot snapshot) {
        return ttlSeconds > 0 && age(snapshot).toSeconds() > ttlSeconds;
    }

    private Duration age(FleetSnapshot snapshot) {
        Duration age = Duration.between(snapshot.takenAt(), clock.instant());
        return age.isNegative() ? Duration.ZERO : age;
    }
}
