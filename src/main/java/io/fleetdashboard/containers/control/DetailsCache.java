package io.fleetdashboard.containers.control;

import io.fleetdashboard.containers.entity.ContainerDetails;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.ConfigurationBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.impl.copy.IdentityCopier;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Container details read live, kept briefly (JCache on Ehcache's heap, time-to-live CONTAINER_DETAILS_CACHE_SECONDS,
 * 10 s by default), so a page's re-renders and a burst of users cost Docker one inspect. Only masked details are
 * cached; an action evicts its container. 0 turns the cache off.
 */
@ApplicationScoped
public class DetailsCache {

    static final String NAME = "container-details";

    @Inject
    @ConfigProperty(name = "container.details.cache.seconds", defaultValue = "10")
    int ttlSeconds = 10;

    @Inject
    @ConfigProperty(name = "container.details.cache.entries", defaultValue = "1000")
    int entries = 1000;

    private CacheManager manager;
    private Cache<String, ContainerDetails> cache;

    @PostConstruct
    void open() {
        if (ttlSeconds <= 0) {
            return;
        }
        ClassLoader loader = ContainerDetails.class.getClassLoader();
        var configuration = ConfigurationBuilder.newConfigurationBuilder().withClassLoader(loader)
                .withCache(NAME, CacheConfigurationBuilder.newCacheConfigurationBuilder(String.class,
                                ContainerDetails.class, ResourcePoolsBuilder.newResourcePoolsBuilder()
                                        .heap(Math.max(1, entries), EntryUnit.ENTRIES))
                        .withExpiry(ExpiryPolicyBuilder.timeToLiveExpiration(Duration.ofSeconds(ttlSeconds)))
                        .withKeyCopier(identity()).withValueCopier(identity()).withClassLoader(loader).build())
                .build();
        EhcacheCachingProvider provider = (EhcacheCachingProvider) Caching.getCachingProvider(
                EhcacheCachingProvider.class.getName(), loader);
        manager = provider.getCacheManager(URI.create("fleet-dashboard-details:" + java.util.UUID.randomUUID()),
                configuration);
        cache = manager.getCache(NAME, String.class, ContainerDetails.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Class<IdentityCopier<T>> identity() {
        return (Class) IdentityCopier.class;
    }

    public Optional<ContainerDetails> get(String key) {
        return cache == null ? Optional.empty() : Optional.ofNullable(cache.get(key));
    }

    public void put(ContainerDetails details) {
        if (cache != null) {
            cache.put(details.key(), details);
        }
    }

    public void evict(String key) {
        if (cache != null) {
            cache.remove(key);
        }
    }

    @PreDestroy
    void close() {
        if (manager != null && !manager.isClosed()) {
            manager.close();
        }
    }
}
