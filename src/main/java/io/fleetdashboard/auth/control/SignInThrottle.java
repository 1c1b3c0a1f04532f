package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down guessing per (user name, client address): the first FREE_FAILURES failures cost nothing, then each
 * further failure locks the pair for BASE * 2^n, capped at CAP. Locked attempts are refused at once (no sleeping
 * request threads). A success clears the pair; pairs idle for FORGET_AFTER are forgotten.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration CAP = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    public SignInThrottle() {
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the caller must still wait, 0 when an attempt is allowed now. */
    public long secondsLocked(String username, String address) {
        Failures entry = failures.get(key(username, address));
        if (entry == null) {
            return 0;
        }
        long millis = Duration.between(clock.instant(), entry.lockedUntil).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        prune(now);
        failures.compute(key(username, address), (k, old) -> {
            int count = old == null || old.lastFailure.plus(FORGET_AFTER).isBefore(now) ? 1 : old.count + 1;
            return new Failures(count, now, now.plus(lockFor(count)));
        });
    }

    public void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    /** The lock after the given number of consecutive failures. */
    static Duration lockFor(int failureCount) {
        int over = failureCount - FREE_FAILURES;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > 20) {
            return CAP;
        }
        Duration lock = BASE.multipliedBy(1L << (over - 1));
        return lock.compareTo(CAP) > 0 ? CAP : lock;
    }

    private void prune(Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(f -> f.lastFailure.plus(FORGET_AFTER).isBefore(now));
        }
    }

    private static String key(String username, String address) {
        String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (user.length() > 128) {
            user = user.substring(0, 128);
        }
        return user + "\u0000" + (address == null ? "" : address);
    }

    private record Failures(int count, Instant lastFailure, Instant lockedUntil) {
    }
}
