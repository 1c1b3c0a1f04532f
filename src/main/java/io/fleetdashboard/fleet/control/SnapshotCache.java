package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.impl.config.persistence.DefaultPersistenceConfiguration;
import org.ehcache.impl.copy.IdentityCopier;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fleet snapshot behind JCache (Ehcache 3), in two tiers:
 * <ul>
 *   <li>heap: the current snapshot by reference (no copy per read), published the moment a refresh ends;</li>
 *   <li>disk: a persistent copy, written in the background by one writer that always stores the latest snapshot
 *       (serializing 50,000 containers takes seconds: no refresh and no request waits for it), and drained at
 *       shutdown, so that after a restart the last snapshot is served at once while a refresh runs.</li>
 * </ul>
 * PORTAINER_CACHE_ENABLED=false leaves only the heap tier.
 */
@ApplicationScoped
public class SnapshotCache {

    static final String HEAP = "fleet-snapshot-heap";
    static final String DISK = "fleet-snapshot-disk";
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
    private Cache<String, FleetSnapshot> disk;
    private final AtomicReference<FleetSnapshot> pendingDiskWrite = new AtomicReference<>();
    private final AtomicBoolean writerScheduled = new AtomicBoolean();
    private final Object diskLock = new Object();
    private volatile FleetSnapshot restored;

    @PostConstruct
    void open() {
        diskWriter = managedExecutor;
        open(Path.of(dataDir).resolve("cache"), diskTierEnabled);
    }

    void open(Path directory, boolean withDisk) {
        ClassLoader loader = FleetSnapshot.class.getClassLoader();
        ConfigurationBuilder builder = ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader)
                .withCache(HEAP, CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
                                FleetSnapshot.class, ResourcePoolsBuilder.newResourcePoolsBuilder().heap(2,
                                        EntryUnit.ENTRIES))
                        // JCache copies by value by default: a 50,000-container snapshot would be copied per read.
                        .withKeyCopier(identity()).withValueCopier(identity())
                        .withClassLoader(loader).build());
        if (withDisk) {
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the cache directory " + directory, e);
            }
            builder = builder.withService(new DefaultPersistenceConfiguration(directory.toFile()))
                    .withCache(DISK, CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
                            FleetSnapshot.class, ResourcePoolsBuilder.newResourcePoolsBuilder()
                                    .disk(1, MemoryUnit.GB, true)).withClassLoader(loader).build());
        }
        Configuration configuration = builder.build();
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(
                EhcacheCachingProvider.class.getName(), loader);
        manager = provider.getCacheManager(URI.create("fleet-dashboard:" + directory.toAbsolutePath()),
                configuration);
        heap = manager.getCache(HEAP, String.class, FleetSnapshot.class);
        disk = withDisk ? manager.getCache(DISK, String.class, FleetSnapshot.class) : null;
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
            restored = snapshot;
            heap.putIfAbsent(CURRENT, snapshot); // a refresh that ended meanwhile wins
            metrics.cacheHit("disk");
            return Optional.ofNullable(heap.get(CURRENT));
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

    /** Publishes the snapshot at once (heap) and has the disk tier catch up in the background. */
    public void put(FleetSnapshot snapshot) {
        heap.put(CURRENT, snapshot);
        if (disk != null) {
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

    private FleetSnapshot readDisk() {
        if (disk == null) {
            return null;
        }
        try {
            return disk.get(CURRENT);
        } catch (RuntimeException e) {
            // An unreadable disk entry (e.g. written by an incompatible version) is a miss, not an outage.
            LOG.log(Level.WARNING, "Discarding an unreadable cached snapshot: {0}", e.toString());
            disk.remove(CURRENT);
            return null;
        }
    }

    /** The one disk writer: stores the latest pending snapshot until none is left (older ones are skipped). */
    private void writePendingToDisk() {
        do {
            synchronized (diskLock) {
                FleetSnapshot latest;
                while ((latest = pendingDiskWrite.getAndSet(null)) != null) {
                    try {
                        disk.put(CURRENT, latest);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not write the snapshot to the disk tier: {0}", e.toString());
                    }
                }
            }
            writerScheduled.set(false);
        } while (pendingDiskWrite.get() != null && writerScheduled.compareAndSet(false, true));
    }

    @PreDestroy
    void close() {
        if (disk != null && pendingDiskWrite.get() != null) {
            writerScheduled.set(true);
            writePendingToDisk(); // waits for a write in progress, then stores the latest
        }
        // A clean close is what lets the persistent disk tier be reopened after a restart.
        synchronized (diskLock) {
            if (manager != null && !manager.isClosed()) {
                manager.close();
            }
        }
    }
}
