package io.fleetdashboard.cluster.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.ModifiedExpiryPolicy;
import javax.cache.spi.CachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The cluster's distributed JCache: Hazelcast's, on the very member that Liberty's sessionCache runs for the HTTP
 * sessions (server-config/session-cache.xml shares the library jcacheLib with the application and names the same
 * configuration, HAZELCAST_CONFIG). The cache manager is opened as Liberty opens its own: Hazelcast's default URI and
 * class loader, the configuration file as the hazelcast.config.location property; the configuration's instance-name
 * makes Hazelcast hand both the one member of this JVM, and the default URI gives the caches the same names on every
 * instance. Holds the fenced snapshot exchange ({@link FencedCache}) and the shared sign-in failure counts. Empty when
 * the fragment is not there (a single instance, or instances sharing only the database): then nothing of this runs.
 * The manager is never closed here: closing one opened with a configuration location shuts the member down, and the
 * member belongs to Liberty's session cache.
 */
@ApplicationScoped
public class ClusterCache {

    static final String PROVIDER = "com.hazelcast.cache.HazelcastCachingProvider";
    /** HazelcastCachingProvider.HAZELCAST_CONFIG_LOCATION, spelled out so that only HazelcastMembers links to it. */
    static final String CONFIG_LOCATION = "hazelcast.config.location";
    static final String META = "fleet-cluster-meta";
    static final String BODIES = "fleet-cluster-bodies";
    static final String SIGN_IN_FAILURES = "fleet-cluster-sign-in-failures";
    /** Sign-in failures are forgotten an hour after the last one (SignInThrottle's FORGET_AFTER). */
    static final javax.cache.expiry.Duration FAILURES_KEPT = new javax.cache.expiry.Duration(TimeUnit.HOURS, 1);
    private static final Logger LOG = Logger.getLogger(ClusterCache.class.getName());

    @Inject
    @ConfigProperty(name = "HAZELCAST_CONFIG")
    Optional<String> configUri;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private volatile CacheManager manager;
    private volatile FencedCache fenced;
    private volatile Cache<String, String> signInFailures;
    private volatile boolean opened;
    private volatile boolean memberCountFailed;

    /** The fenced snapshot exchange on Hazelcast, opened on first use (empty without Hazelcast). */
    public Optional<FencedCache> fenced() {
        ensureOpen();
        return Optional.ofNullable(fenced);
    }

    /**
     * Failed sign-ins counted by every instance (SignInThrottle): String keys and "count|millis" values, each entry
     * gone an hour after its last write; empty without Hazelcast (a single instance counts locally).
     */
    public Optional<Cache<String, String>> signInFailures() {
        ensureOpen();
        return Optional.ofNullable(signInFailures);
    }

    private synchronized void ensureOpen() {
        if (!opened) {
            opened = true;
            open();
        }
    }

    private void open() {
        if (configUri.filter(s -> !s.isBlank()).isEmpty()) {
            LOG.info("No HAZELCAST_CONFIG: no distributed cache (a single instance, or instances sharing only the "
                    + "database: the snapshot travels through the database, sign-in failures are counted per instance)");
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
            // As Liberty's session cache does: the configuration as a property, the default URI and class loader.
            // Hazelcast prefixes cache names with a non-default URI, and that URI (the file's path) differs between
            // servers, so each would see caches of its own; with the default URI every instance names them alike.
            // The configuration's instance-name makes Hazelcast hand back the member the sessions already run on.
            Properties properties = new Properties();
            properties.setProperty(CONFIG_LOCATION, configUri.get().strip());
            manager = provider.getCacheManager(provider.getDefaultURI(), null, properties);
            Cache<String, String> meta = cache(META, String.class, String.class);
            Cache<String, byte[]> bodies = cache(BODIES, String.class, byte[].class);
            fenced = new FencedCache(meta, bodies);
            signInFailures = cache(SIGN_IN_FAILURES, new MutableConfiguration<String, String>()
                    .setTypes(String.class, String.class)
                    .setExpiryPolicyFactory(ModifiedExpiryPolicy.factoryOf(FAILURES_KEPT)));
            registry.gauge(Metadata.builder().withName("fleet_cluster_cache_members").withDescription(
                    "Members of the Hazelcast cluster this instance's member sees (one per dashboard instance)")
                    .build(), this, ClusterCache::members);
            LOG.info(() -> "The snapshot is shared through Hazelcast's JCache (" + configUri.get() + ", "
                    + members() + " members)");
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not open Hazelcast's JCache; the snapshot is shared through the database "
                    + "only: " + e);
            fenced = null;
            signInFailures = null;
        }
    }

    private <K, V> Cache<K, V> cache(String name, Class<K> keys, Class<V> values) {
        return cache(name, new MutableConfiguration<K, V>().setTypes(keys, values));
    }

    private <K, V> Cache<K, V> cache(String name, MutableConfiguration<K, V> configuration) {
        Cache<K, V> cache = manager.getCache(name, configuration.getKeyType(), configuration.getValueType());
        if (cache != null) {
            return cache;
        }
        try {
            return manager.createCache(name, configuration);
        } catch (javax.cache.CacheException raced) { // another instance created it meanwhile
            return manager.getCache(name, configuration.getKeyType(), configuration.getValueType());
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
}
