package io.fleetdashboard.cluster.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The cluster's distributed JCache: Hazelcast's, on the very member that Liberty's sessionCache runs for the HTTP
 * sessions (server-config/session-cache.xml shares the library jcacheLib with the application and names the same
 * configuration, HAZELCAST_CONFIG). Liberty gets its CacheManager with
 * {@code Caching.getCachingProvider(libraryLoader).getCacheManager(uri, null, properties)}; this class does the same
 * with the same Hazelcast classes and URI, and Hazelcast's get-or-create by instance name (the configuration's
 * instance-name) hands both the one member of this JVM. Empty when the fragment is not there (a single instance, or
 * instances sharing only the database): then nothing of this runs.
 */
@ApplicationScoped
public class ClusterCache {

    static final String PROVIDER = "com.hazelcast.cache.HazelcastCachingProvider";
    static final String META = "fleet-cluster-meta";
    static final String BODIES = "fleet-cluster-bodies";
    private static final Logger LOG = Logger.getLogger(ClusterCache.class.getName());

    @Inject
    @ConfigProperty(name = "HAZELCAST_CONFIG")
    Optional<String> configUri;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private volatile CacheManager manager;
    private volatile FencedCache fenced;
    private volatile boolean opened;
    private volatile boolean memberCountFailed;

    /** The fenced snapshot exchange on Hazelcast, opened on first use (empty without Hazelcast). */
    public synchronized Optional<FencedCache> fenced() {
        if (!opened) {
            opened = true;
            open();
        }
        return Optional.ofNullable(fenced);
    }

    private void open() {
        if (configUri.filter(s -> !s.isBlank()).isEmpty()) {
            LOG.info("No HAZELCAST_CONFIG: the snapshot is shared through the database only");
            return;
        }
        ClassLoader libraryLoader;
        try {
            libraryLoader = Class.forName(PROVIDER, false, ClusterCache.class.getClassLoader()).getClassLoader();
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("Hazelcast is not visible to the application (classloader commonLibraryRef=\"jcacheLib\" "
                    + "missing): the snapshot is shared through the database only");
            return;
        }
        try {
            CachingProvider provider = Caching.getCachingProvider(PROVIDER, libraryLoader);
            // the same URI and class loader (null: the provider's own) as Liberty's session cache: the same member,
            // and the same cache name prefix on every instance
            manager = provider.getCacheManager(URI.create(configUri.get().strip()), null);
            Cache<String, String> meta = cache(META, String.class, String.class);
            Cache<String, byte[]> bodies = cache(BODIES, String.class, byte[].class);
            fenced = new FencedCache(meta, bodies);
            registry.gauge(Metadata.builder().withName("fleet_cluster_cache_members").withDescription(
                    "Members of the Hazelcast cluster this instance's member sees (one per dashboard instance)")
                    .build(), this, ClusterCache::members);
            LOG.info(() -> "The snapshot is shared through Hazelcast's JCache (" + configUri.get() + ", "
                    + members() + " members)");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not open Hazelcast's JCache; the snapshot is shared through the database "
                    + "only: " + e);
            fenced = null;
        }
    }

    private <K, V> Cache<K, V> cache(String name, Class<K> keys, Class<V> values) {
        Cache<K, V> cache = manager.getCache(name, keys, values);
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, new MutableConfiguration<K, V>().setTypes(keys, values));
        } catch (javax.cache.CacheException raced) { // another instance created it meanwhile
            return manager.getCache(name, keys, values);
        }
    }

    /** Cluster members as this instance's member sees them (-1 when unknown). */
    long members() {
        try {
            return HazelcastMembers.count(manager);
        } catch (RuntimeException | LinkageError e) {
            if (!memberCountFailed) {
                memberCountFailed = true; // said once: the gauge is read on every scrape
                LOG.log(Level.WARNING, "Could not count the Hazelcast members: " + e);
            }
            return -1;
        }
    }

    @PreDestroy
    void close() {
        CacheManager open = manager;
        if (open != null && !open.isClosed()) {
            try {
                open.close(); // this manager only: the member stays, Liberty's sessions still use it
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Could not close the cluster cache manager", e);
            }
        }
    }
}
