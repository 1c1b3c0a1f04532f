package io.fleetdashboard.cluster.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fencing of {@link FencedCache} on a JCache (Ehcache's here; Hazelcast's in the cluster suite). */
class FencedCacheTest {

    CacheManager manager;
    Cache<String, String> meta;
    Cache<String, byte[]> bodies;
    FencedCache cache;

    @BeforeEach
    void open() {
        javax.cache.spi.CachingProvider provider = Caching.getCachingProvider(
                EhcacheCachingProvider.class.getName(), getClass().getClassLoader());
        manager = provider.getCacheManager(provider.getDefaultURI(), getClass().getClassLoader());
        String run = UUID.randomUUID().toString();
        meta = manager.createCache("meta-" + run, new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class));
        bodies = manager.createCache("bodies-" + run, new MutableConfiguration<String, byte[]>()
                .setTypes(String.class, byte[].class));
        cache = new FencedCache(meta, bodies);
    }

    @AfterEach
    void close() {
        manager.destroyCache(meta.getName());
        manager.destroyCache(bodies.getName());
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstPublishLandsAndNamesItsBody() {
        assertEquals(FencedCache.Outcome.PUBLISHED, cache.publish("fleet", 1, 100, "a", bytes("one")));
        FencedCache.Entry entry = cache.current("fleet").orElseThrow();
        assertEquals(1, entry.token());
        assertEquals(100, entry.takenAt());
        assertEquals("a", entry.holder());
        assertArrayEquals(bytes("one"), cache.body(entry).orElseThrow());
    }

    @Test
    void aStaleLeadersPublishIsRefusedAndLeavesNoBody() {
        cache.publish("fleet", 2, 100, "b", bytes("new leader"));
        assertEquals(FencedCache.Outcome.FENCED, cache.publish("fleet", 1, 200, "a", bytes("stale")));
        FencedCache.Entry entry = cache.current("fleet").orElseThrow();
        assertEquals(2, entry.token());
        assertArrayEquals(bytes("new leader"), cache.body(entry).orElseThrow());
        assertNull(bodies.get("fleet@1-200"), "the refused body is removed");
    }

    @Test
    void aTakeoverFencesOffTheOldHolderBeforeTheNewOnePublishes() {
        cache.publish("fleet", 1, 100, "a", bytes("old"));
        assertTrue(cache.fence("fleet", 2, "b"));
        assertEquals(FencedCache.Outcome.FENCED, cache.publish("fleet", 1, 200, "a", bytes("late")));
        FencedCache.Entry entry = cache.current("fleet").orElseThrow();
        assertEquals(2, entry.token());
        assertArrayEquals(bytes("old"), cache.body(entry).orElseThrow(), "the fence keeps the last good snapshot");
        assertEquals(FencedCache.Outcome.PUBLISHED, cache.publish("fleet", 2, 300, "b", bytes("new")));
        assertArrayEquals(bytes("new"), cache.body(cache.current("fleet").orElseThrow()).orElseThrow());
        assertNull(bodies.get("fleet@1-100"), "the replaced body is removed");
    }

    @Test
    void aLowerFenceIsNoFence() {
        cache.fence("fleet", 3, "c");
        assertFalse(cache.fence("fleet", 2, "b"));
        assertEquals(3, cache.current("fleet").orElseThrow().token());
        assertFalse(cache.current("fleet").orElseThrow().hasBody(), "a fence alone names no body");
    }

    @Test
    void anOlderSnapshotOfTheSameHolderDoesNotReplaceANewerOne() {
        cache.publish("fleet", 1, 200, "a", bytes("newer"));
        assertEquals(FencedCache.Outcome.NOT_NEWER, cache.publish("fleet", 1, 100, "a", bytes("older")));
        assertArrayEquals(bytes("newer"), cache.body(cache.current("fleet").orElseThrow()).orElseThrow());
    }

    @Test
    void theCompareAndSetLosesToAConcurrentSwapAndRetriesOnTheNewValue() {
        cache.publish("fleet", 1, 100, "a", bytes("one"));
        // another publisher swaps the entry between this one's read and its replace: replace(old, new) fails, the
        // retry reads the new entry and is fenced by its higher token
        boolean[] raced = {false};
        @SuppressWarnings("unchecked")
        Cache<String, String> racing = (Cache<String, String>) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Cache.class}, (proxy, method, args) -> {
                    if (method.getName().equals("replace") && args.length == 3 && !raced[0]) {
                        raced[0] = true;
                        meta.put((String) args[0], "5|150|fleet@5-150|e");
                    }
                    try {
                        return method.invoke(meta, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        FencedCache contended = new FencedCache(racing, bodies);
        assertEquals(FencedCache.Outcome.FENCED, contended.publish("fleet", 1, 200, "a", bytes("two")));
        assertTrue(raced[0]);
        assertEquals(5, cache.current("fleet").orElseThrow().token());
    }
}
