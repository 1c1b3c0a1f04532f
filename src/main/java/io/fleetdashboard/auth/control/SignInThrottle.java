package io.fleetdashboard.auth.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Slows down guessing, with two limits; an attempt waits for the longer of the two locks:
 * <ul>
 * <li>per (user name, client address): the first {@value #FREE_FAILURES} failures cost nothing, then each further
 * failure locks the pair for BASE * 2^n, capped at CAP;</li>
 * <li>per user name, whatever the address: {@value #USER_FREE_FAILURES} free failures, then the same exponential
 * lock, so rotating addresses (a botnet, IPv6 ranges) does not multiply the guesses.</li>
 * </ul>
 * Locked attempts are refused at once (no sleeping request threads). Failures idle for FORGET_AFTER are forgotten.
 * A success clears its pair, not the user name's count: otherwise every sign-in of the real user would hand a
 * distributed guesser a fresh allowance (the count fades an hour after the last failure).
 * <p>
 * Memory is bounded whatever the attacker rotates: at most {@value #MAX_PAIRS} pairs (least recently failing ones
 * evicted) and {@value #MAX_USERS} user names. The user table evicts the name with the fewest failures and the
 * newcomer inherits that count (see {@link FailureTally}), so flooding it with invented names neither grows memory
 * nor resets the count of a configured name under attack. Which names are configured does not matter here: only names
 * that keep failing stay in the table. The address is the one the container reports, i.e. the client's once
 * Liberty's remoteIp is configured behind a proxy.
 */
@ApplicationScoped
public class SignInThrottle {

    static final int FREE_FAILURES = 3;
    static final int USER_FREE_FAILURES = 20;
    static final Duration BASE = Duration.ofSeconds(2);
    static final Duration CAP = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    static final int MAX_PAIRS = 10_000;
    static final int MAX_USERS = 1_000;
    private static final int MAX_NAME = 128;
    private static final int MAX_ADDRESS = 64;

    private final FailureTally pairs = new FailureTally(MAX_PAIRS, FailureTally.Eviction.LEAST_RECENT, FORGET_AFTER);
    private final FailureTally users = new FailureTally(MAX_USERS, FailureTally.Eviction.FEWEST_FAILURES,
            FORGET_AFTER);
    private Clock clock = Clock.systemUTC();

    public SignInThrottle() {
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds the caller must still wait, 0 when an attempt is allowed now. */
    public long secondsLocked(String username, String address) {
        Instant now = clock.instant();
        String user = user(username);
        Instant until = later(lockedUntil(pairs.get(pair(user, address), now), FREE_FAILURES),
                lockedUntil(users.get(user, now), USER_FREE_FAILURES));
        long millis = until == null ? 0 : Duration.between(now, until).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String user = user(username);
        pairs.failed(pair(user, address), now);
        users.failed(user, now);
    }

    public void succeeded(String username, String address) {
        pairs.clear(pair(user(username), address));
    }

    /** The pair lock after the given number of consecutive failures. */
    static Duration lockFor(int failureCount) {
        return lockFor(failureCount, FREE_FAILURES);
    }

    static Duration lockFor(int failureCount, int free) {
        int over = failureCount - free;
        if (over <= 0) {
            return Duration.ZERO;
        }
        if (over > 20) {
            return CAP;
        }
        Duration lock = BASE.multipliedBy(1L << (over - 1));
        return lock.compareTo(CAP) > 0 ? CAP : lock;
    }

    int trackedPairs() {
        return pairs.size();
    }

    int trackedUsers() {
        return users.size();
    }

    private static String user(String username) {
        String user = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return user.length() > MAX_NAME ? user.substring(0, MAX_NAME) : user;
    }

    private static String pair(String user, String address) {
        String a = address == null ? "" : address;
        return user + "\u0000" + (a.length() > MAX_ADDRESS ? a.substring(0, MAX_ADDRESS) : a);
    }

    private static Instant lockedUntil(FailureTally.Failures failures, int free) {
        return failures == null ? null : failures.lastFailure().plus(lockFor(failures.count(), free));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
