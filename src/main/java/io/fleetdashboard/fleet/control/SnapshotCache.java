package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.ehcache.config.Configuration;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.impl.copy.IdentityCopier;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fleet snapshot: JCache (Ehcache 3) in front, a crash-safe file behind it.
 * <ul>
 *   <li>heap (JCache): the current snapshot by reference (no copy per read), published the moment a refresh ends;</li>
 *   <li>file ({@link SnapshotFile}): a persistent copy, written after each complete publish (see
 *       {@link #putProvisional}) in the background by one writer
 *       that always stores the latest snapshot (serializing 50,000 containers takes a while: no refresh and no
 *       request waits for it), and drained at shutdown. The write is atomic (temporary file, force, rename), so
 *       after a restart, clean or not ({@code kill -9}, OOM kill, power cut), the last persisted snapshot is served
 *       at once, marked as restored, while the first refresh runs.</li>
 * </ul>
 * PORTAINER_CACHE_ENABLED=false leaves only the heap tier.
 */
@ApplicationScoped
public class SnapshotCache {

    static final String HEAP = "fleet-snapshot-heap";
    private static final String CURRENT = "current";
    private static final Logger LOG = Logger.getLogger(SnapshotCache.class.getName());

    @Inject
    @ConfigProperty(name = "dashboard.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "portainer.cache.enabled", defaultValue = "true")
    boolean diskTierEnabled;

    @Inject
    FleetMetrics metrics;

    @Resource
    ManagedExecutorService managedExecutor;

    /** Runs the disk writer: the managed executor in the server, anything in unit tests. */
    Executor diskWriter;

    private CacheManager manager;
    private Cache<String, FleetSnapshot> heap;
    private SnapshotFile file;
    private final AtomicReference<FleetSnapshot> pendingDiskWrite = new AtomicReference<>();
    private final AtomicBoolean writerScheduled = new AtomicBoolean();
    private final Object diskLock = new Object();
    private volatile FleetSnapshot restored;
    private volatile Instant persistedTakenAt;
    private volatile boolean fileRead;

    @PostConstruct
    void open() {
        diskWriter = managedExecutor;
        open(Path.of(dataDir).resolve("cache"), diskTierEnabled);
    }

    void open(Path directory, boolean withDisk) {
        ClassLoader loader = FleetSnapshot.class.getClassLoader();
        Configuration configuration = ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader)
                .withCache(HEAP, CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
                                FleetSnapshot.class, ResourcePoolsBuilder.newResourcePoolsBuilder().heap(2,
                                        EntryUnit.ENTRIES))
                        // JCache copies by value by default: a 50,000-container snapshot would be copied per read.
                        .withKeyCopier(identity()).withValueCopier(identity())
                        .withClassLoader(loader).build())
                .build();
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(
                EhcacheCachingProvider.class.getName(), loader);
        // One cache manager per instance: the heap tier is this process's, only the file outlives it.
        manager = provider.getCacheManager(URI.create("fleet-dashboard:" + java.util.UUID.randomUUID()),
                configuration);
        heap = manager.getCache(HEAP, String.class, FleetSnapshot.class);
        file = withDisk ? new SnapshotFile(directory) : null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<IdentityCopier<T>> identity() {
        return (Class) IdentityCopier.class;
    }

    public Optional<FleetSnapshot> current() {
        FleetSnapshot snapshot = heap.get(CURRENT);
        if (snapshot != null) {
            metrics.cacheHit("heap");
            return Optional.of(snapshot);
        }
        snapshot = readDisk();
        if (snapshot != null) {
            metrics.cacheHit("disk");
            return Optional.of(snapshot);
        }
        metrics.cacheMiss();
        return Optional.empty();
    }

    /**
     * The snapshot on the heap, without counting a read or touching the disk tier: for observers (the age gauge
     * a Prometheus scrape reads) that must not show up as cache traffic.
     */
    public Optional<FleetSnapshot> peek() {
        return Optional.ofNullable(heap.get(CURRENT));
    }

    /** True when this is the snapshot read back from disk after a restart: no refresh has replaced it since. */
    public boolean restored(FleetSnapshot snapshot) {
        return snapshot != null && snapshot == restored;
    }

    /** When the snapshot now on disk was taken (null: none written by this process or found at start-up). */
    public Optional<Instant> persisted() {
        return Optional.ofNullable(persistedTakenAt);
    }

    /** Publishes the snapshot at once (heap) and has the disk tier catch up in the background. */
    public synchronized void put(FleetSnapshot snapshot) {
        publish(snapshot);
    }

    /**
     * Publishes a change of the current snapshot (e.g. one container after an action), atomically with respect to
     * refreshes: a refresh that publishes meanwhile is never overwritten by an edit of the snapshot it replaced.
     * False when there is no snapshot or the change gives back the same one.
     */
    public synchronized boolean update(java.util.function.UnaryOperator<FleetSnapshot> change) {
        FleetSnapshot current = heap.get(CURRENT);
        if (current == null) {
            return false;
        }
        FleetSnapshot next = change.apply(current);
        if (next == null || next == current) {
            return false;
        }
        publish(next);
        return true;
    }

    /**
     * Publishes a snapshot that a complete one follows shortly: the first-paint publish of a refresh with endpoints
     * still in flight. The heap gets it at once; the file only while it holds no snapshot, so a refresh is
     * serialized once instead of twice, and a crash before the complete one still finds a snapshot on disk (the
     * previous complete one, or this one when there was none).
     */
    public synchronized void putProvisional(FleetSnapshot snapshot) {
        heap.put(CURRENT, snapshot);
        if (persistedTakenAt == null && pendingDiskWrite.get() == null) {
            persist(snapshot);
        }
    }

    private void publish(FleetSnapshot snapshot) {
        heap.put(CURRENT, snapshot);
        persist(snapshot);
    }

    private void persist(FleetSnapshot snapshot) {
        if (file != null) {
            pendingDiskWrite.set(snapshot);
            if (writerScheduled.compareAndSet(false, true)) {
                try {
                    diskWriter.execute(this::writePendingToDisk);
                } catch (RuntimeException rejected) {
                    writerScheduled.set(false); // shutting down: close() writes what is pending
                }
            }
        }
    }

    /**
     * Reads the persisted copy into the heap tier, once per process (after that the heap holds the same or a newer
     * snapshot); callers arriving meanwhile wait for that one read instead of reading again.
     */
    private FleetSnapshot readDisk() {
        if (file == null) {
            return null;
        }
        synchronized (diskLock) {
            if (!fileRead) {
                fileRead = true;
                file.read().ifPresent(snapshot -> {
                    if (heap.putIfAbsent(CURRENT, snapshot)) { // a refresh that ended meanwhile wins
                        restored = snapshot;
                        LOG.info(() -> "Serving the snapshot taken at " + snapshot.takenAt() + " from "
                                + file.path() + " until the first refresh ends");
                    }
                    persistedTakenAt = snapshot.takenAt();
                });
            }
            return heap.get(CURRENT);
        }
    }

    /** The one disk writer: stores the latest pending snapshot until none is left (older ones are skipped). */
    private void writePendingToDisk() {
        do {
            synchronized (diskLock) {
                fileRead = true; // what is on disk now is older than what is being written
                FleetSnapshot latest;
                while ((latest = pendingDiskWrite.getAndSet(null)) != null) {
                    try {
                        file.write(latest);
                        persistedTakenAt = latest.takenAt();
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not persist the snapshot to {0}: {1}",
                                new Object[] {file.path(), e.toString()});
                    }
                }
            }
            writerScheduled.set(false);
        } while (pendingDiskWrite.get() != null && writerScheduled.compareAndSet(false, true));
    }

    @PreDestroy
    void close() {
        if (file != null && pendingDiskWrite.get() != null) {
            writerScheduled.set(true);
            writePendingToDisk(); // waits for a write in progress, then stores the latest
        }
        synchronized (diskLock) {
            if (manager != null && !manager.isClosed()) {
                manager.close();
            }
        }
    }
}
