package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    static class MovableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    final MovableClock clock = new MovableClock();
    final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void lockGrowsExponentiallyAfterTheFreeFailuresAndIsCapped() {
        assertEquals(Duration.ZERO, SignInThrottle.lockFor(1));
        assertEquals(Duration.ZERO, SignInThrottle.lockFor(3));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.lockFor(4));
        assertEquals(Duration.ofSeconds(4), SignInThrottle.lockFor(5));
        assertEquals(Duration.ofSeconds(8), SignInThrottle.lockFor(6));
        assertEquals(Duration.ofSeconds(256), SignInThrottle.lockFor(11));
        assertEquals(Duration.ofMinutes(5), SignInThrottle.lockFor(12));
        assertEquals(Duration.ofMinutes(5), SignInThrottle.lockFor(1000));
    }

    @Test
    void locksOnlyTheFailingUserAndAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("admin", "10.0.0.1");
        }
        assertEquals(2, throttle.secondsLocked("admin", "10.0.0.1"));
        assertEquals(2, throttle.secondsLocked(" ADMIN ", "10.0.0.1"));
        assertEquals(0, throttle.secondsLocked("admin", "10.0.0.2"));
        assertEquals(0, throttle.secondsLocked("other", "10.0.0.1"));
    }

    @Test
    void lockEndsWithTimeAndSuccessClearsTheCount() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("admin", "a");
        }
        assertEquals(4, throttle.secondsLocked("admin", "a"));
        clock.advance(Duration.ofMillis(3500));
        assertEquals(1, throttle.secondsLocked("admin", "a"));
        clock.advance(Duration.ofMillis(500));
        assertEquals(0, throttle.secondsLocked("admin", "a"));
        throttle.succeeded("admin", "a");
        throttle.failed("admin", "a");
        assertEquals(0, throttle.secondsLocked("admin", "a"));
    }

    @Test
    void oldFailuresAreForgotten() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "a");
        }
        clock.advance(Duration.ofHours(2));
        throttle.failed("admin", "a");
        assertEquals(0, throttle.secondsLocked("admin", "a"));
    }

    @Test
    void rotatingAddressesDoesNotBypassTheLimitPerUserName() {
        for (int i = 0; i < SignInThrottle.USER_FREE_FAILURES; i++) {
            assertEquals(0, throttle.secondsLocked("admin", "10.0.0." + i));
            throttle.failed("admin", "10.0.0." + i);
        }
        assertEquals(0, throttle.secondsLocked("admin", "10.9.9.9"), "the free allowance per user name");
        throttle.failed("ADMIN", "10.0.1.1");
        assertEquals(2, throttle.secondsLocked("admin", "10.9.9.9"), "locked from every address");
        assertEquals(0, throttle.secondsLocked("viewer", "10.9.9.9"), "other names are not affected");
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("admin", "10.0.1.2");
        assertEquals(4, throttle.secondsLocked("admin", "10.0.1.3"), "then exponential");
        throttle.succeeded("admin", "10.0.1.3");
        assertEquals(4, throttle.secondsLocked("admin", "10.0.1.4"),
                "a success does not hand a distributed guesser a fresh allowance");
        clock.advance(Duration.ofHours(2));
        assertEquals(0, throttle.secondsLocked("admin", "10.0.1.4"), "forgotten after an idle hour");
    }

    @Test
    void rotatingAddressesAndNamesKeepsMemoryBounded() {
        for (int i = 0; i < 50_000; i++) {
            throttle.failed("user" + i, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
        }
        for (int i = 0; i < 20_000; i++) {
            throttle.failed("admin", "2001:db8::" + Integer.toHexString(i));
        }
        assertEquals(SignInThrottle.MAX_PAIRS, throttle.trackedPairs());
        assertEquals(SignInThrottle.MAX_USERS, throttle.trackedUsers());
        assertEquals(300, throttle.secondsLocked("admin", "192.0.2.1"), "the per-name lock still holds");
    }

    @Test
    void inventedNamesCannotEvictTheCountOfANameUnderAttack() {
        for (int i = 0; i < SignInThrottle.USER_FREE_FAILURES + 4; i++) {
            throttle.failed("admin", "10.1.0." + i);
        }
        assertEquals(16, throttle.secondsLocked("admin", "10.2.0.1"));
        for (int i = 0; i < 5 * SignInThrottle.MAX_USERS; i++) {
            throttle.failed("nobody-" + i, "10.3." + (i >> 8) + "." + (i & 255));
        }
        assertEquals(16, throttle.secondsLocked("admin", "10.2.0.1"), "the count survived the flood");
        clock.advance(Duration.ofSeconds(16));
        throttle.failed("admin", "10.2.0.2");
        assertEquals(32, throttle.secondsLocked("admin", "10.2.0.3"), "and keeps growing");
    }

    @Test
    void evictedPairsAreTheLeastRecentlyFailingOnes() {
        FailureTally tally = new FailureTally(3, FailureTally.Eviction.LEAST_RECENT, Duration.ofHours(1));
        Instant now = clock.instant();
        tally.failed("a", now);
        tally.failed("b", now);
        tally.failed("c", now);
        tally.failed("a", now);
        assertEquals(1, tally.failed("d", now), "a newcomer starts at one");
        assertEquals(null, tally.get("b", now), "b failed least recently");
        assertEquals(2, tally.get("a", now).count());
        assertEquals(3, tally.size());
    }

    @Test
    void heavyHittersKeepTheirCountsAndNewcomersInheritTheSmallest() {
        FailureTally tally = new FailureTally(2, FailureTally.Eviction.FEWEST_FAILURES, Duration.ofHours(1));
        Instant now = clock.instant();
        for (int i = 0; i < 5; i++) {
            tally.failed("admin", now);
        }
        tally.failed("x", now);
        tally.failed("x", now);
        assertEquals(3, tally.failed("y", now), "y replaces x (2 failures) and inherits its count");
        assertEquals(5, tally.get("admin", now).count());
        assertEquals(1, tally.failed("z", now.plus(Duration.ofHours(2))) , "forgotten keys make room first");
    }
}
