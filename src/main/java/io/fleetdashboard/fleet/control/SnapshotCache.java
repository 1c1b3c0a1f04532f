package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetSnapshot;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.Configuration;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.impl.config.persistence.DefaultPersistenceConfiguration;
import org.ehcache.impl.copy.IdentityCopier;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.config.units.MemoryUnit;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fleet snapshot behind JCache (Ehcache 3): a heap tier holds the current snapshot by reference (no copy per
 * read), a persistent disk tier keeps the last one across restarts so it is served at once while a refresh runs.
 * PORTAINER_CACHE_ENABLED=false leaves only the heap tier.
 */
@ApplicationScoped
public class SnapshotCache {

    static final String CACHE_NAME = "fleet-snapshot";
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

    private CacheManager manager;
    private Cache<String, FleetSnapshot> cache;
    /** Once this JVM has put or read the snapshot, Ehcache holds it on heap; before that a hit comes from disk. */
    private final AtomicBoolean onHeap = new AtomicBoolean();

    @PostConstruct
    void open() {
        open(Path.of(dataDir).resolve("cache"), diskTierEnabled);
    }

    void open(Path directory, boolean withDisk) {
        ClassLoader loader = FleetSnapshot.class.getClassLoader();
        ResourcePoolsBuilder pools = ResourcePoolsBuilder.newResourcePoolsBuilder().heap(2, EntryUnit.ENTRIES);
        ConfigurationBuilder builder = ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader);
        if (withDisk) {
            try {
                Files.createDirectories(directory);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create the cache directory " + directory, e);
            }
            pools = pools.disk(1, MemoryUnit.GB, true);
            builder = builder.withService(new DefaultPersistenceConfiguration(directory.toFile()));
        }
        Configuration configuration = builder.withCache(CACHE_NAME,
                CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class, FleetSnapshot.class, pools)
                        // JCache defaults to store-by-value: a 50,000-container snapshot would be copied per read.
                        .withKeyCopier(identity()).withValueCopier(identity())
                        .withClassLoader(loader).build())
                .build();
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(
                EhcacheCachingProvider.class.getName(), loader);
        manager = provider.getCacheManager(URI.create("fleet-dashboard:" + directory.toAbsolutePath()),
                configuration);
        cache = manager.getCache(CACHE_NAME, String.class, FleetSnapshot.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<IdentityCopier<T>> identity() {
        return (Class) IdentityCopier.class;
    }

    public Optional<FleetSnapshot> current() {
        FleetSnapshot snapshot;
        try {
            snapshot = cache.get(CURRENT);
        } catch (RuntimeException e) {
            // An unreadable disk entry (e.g. written by an incompatible version) is a miss, not an outage.
            LOG.log(Level.WARNING, "Discarding an unreadable cached snapshot: {0}", e.toString());
            cache.remove(CURRENT);
            snapshot = null;
        }
        if (snapshot == null) {
            metrics.cacheMiss();
            return Optional.empty();
        }
        metrics.cacheHit(onHeap.getAndSet(true) ? "heap" : "disk");
        return Optional.of(snapshot);
    }

    /** Stores the snapshot and faults it into the heap tier here, on the collector's thread, not on a request's. */
    public void put(FleetSnapshot snapshot) {
        cache.put(CURRENT, snapshot);
        cache.get(CURRENT);
        onHeap.set(true);
    }

    @PreDestroy
    void close() {
        // A clean close is what lets the persistent disk tier be reopened after a restart.
        if (manager != null && !manager.isClosed()) {
            manager.close();
        }
    }
}
