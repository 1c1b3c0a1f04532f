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
}
