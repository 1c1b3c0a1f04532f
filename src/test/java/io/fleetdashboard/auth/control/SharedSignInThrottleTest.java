package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.cache.Cache;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.spi.CachingProvider;
import org.ehcache.jsr107.EhcacheCachingProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of a cluster counting sign-in failures in one shared JCache (Ehcache's here, standing in for
 * Hazelcast's, which the cluster suite uses).
 */
class SharedSignInThrottleTest {

    final SignInThrottleTest.MovableClock clock = new SignInThrottleTest.MovableClock();
    CacheManager manager;
    Cache<String, String> cache;
    SignInThrottle a;
    SignInThrottle b;

    @BeforeEach
    void open() {
        CachingProvider provider = Caching.getCachingProvider(EhcacheCachingProvider.class.getName(),
                getClass().getClassLoader());
        manager = provider.getCacheManager(provider.getDefaultURI(), getClass().getClassLoader());
        cache = manager.createCache("sign-in-" + UUID.randomUUID(), new MutableConfiguration<String, String>()
                .setTypes(String.class, String.class));
        a = new SignInThrottle(clock, cache);
        b = new SignInThrottle(clock, cache);
    }

    @AfterEach
    void close() {
        manager.destroyCache(cache.getName());
    }

    @Test
    void failuresOnOneInstanceCountOnTheOther() {
        for (int i = 0; i < SignInThrottle.FREE_FAILURES; i++) {
            a.failed("admin", "10.0.0.1");
        }
        assertEquals(0, b.secondsLocked("admin", "10.0.0.1"), "the free failures, wherever they were made");
        b.failed("admin", "10.0.0.1");
        assertEquals(2, b.secondsLocked("admin", "10.0.0.1"), "the fourth failure locks, though b saw only one");
        assertEquals(2, a.secondsLocked("admin", "10.0.0.1"), "on every instance");
        assertEquals(0, a.secondsLocked("admin", "10.0.0.2"), "only that pair");

        SignInThrottle alone = new SignInThrottle(clock);
        alone.failed("admin", "10.0.0.1");
        assertEquals(0, alone.secondsLocked("admin", "10.0.0.1"), "an instance outside the cluster counts alone");
    }

    @Test
    void theLimitPerUserNameHoldsAcrossInstances() {
        for (int i = 0; i < SignInThrottle.USER_FREE_FAILURES; i++) {
            (i % 2 == 0 ? a : b).failed("admin", "10.1.0." + i);
        }
        assertEquals(0, a.secondsLocked("admin", "10.9.9.9"));
        b.failed("admin", "10.1.1.1");
        assertEquals(2, a.secondsLocked("admin", "10.9.9.9"), "locked from every address on every instance");
        assertEquals(0, b.secondsLocked("viewer", "10.9.9.9"));
    }

    @Test
    void aSuccessClearsThePairInTheClusterButNotAnotherInstancesOwnCount() {
        for (int i = 0; i < 4; i++) {
            a.failed("admin", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(2));
        b.succeeded("admin", "10.0.0.1");
        assertEquals(0, b.secondsLocked("admin", "10.0.0.1"));
        b.failed("admin", "10.0.0.1");
        assertEquals(0, b.secondsLocked("admin", "10.0.0.1"), "the shared count started again");
        a.failed("admin", "10.0.0.1");
        assertEquals(4, a.secondsLocked("admin", "10.0.0.1"), "a still throttles on the five failures it saw");
    }

    @Test
    void sharedFailuresAreForgottenAfterAnIdleHour() {
        for (int i = 0; i < 5; i++) {
            a.failed("admin", "10.0.0.1");
        }
        clock.advance(Duration.ofHours(2));
        b.failed("admin", "10.0.0.1");
        assertEquals(0, b.secondsLocked("admin", "10.0.0.1"));
    }

    @Test
    void withoutTheClusterCacheAnInstanceThrottlesOnItsOwnCounts() {
        cache.close(); // every operation on it now throws
        for (int i = 0; i < 4; i++) {
            a.failed("admin", "10.0.0.1");
        }
        assertEquals(2, a.secondsLocked("admin", "10.0.0.1"));
        a.succeeded("admin", "10.0.0.1");
        assertEquals(0, a.secondsLocked("admin", "10.0.0.1"));
    }

    @Test
    void instancesCountingTheSameKeyAtOnceLoseNoFailure() {
        SharedFailureTally one = new SharedFailureTally(cache, "pair:", SignInThrottle.FORGET_AFTER);
        SharedFailureTally two = new SharedFailureTally(cache, "pair:", SignInThrottle.FORGET_AFTER);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> count(one, 500));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> count(two, 500));
        first.join();
        second.join();
        assertEquals(1000, one.get("admin", clock.instant()).count());
    }

    private void count(SharedFailureTally tally, int failures) {
        for (int i = 0; i < failures; i++) {
            while (tally.failed("admin", clock.instant()) == 0) {
                // lost the race eight times in a row: count this failure again
            }
        }
    }
}
