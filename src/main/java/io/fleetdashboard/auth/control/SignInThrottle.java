package io.fleetdashboard.auth.control;

import io.fleetdashboard.cluster.control.ClusterCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.cache.Cache;

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
 * <p>
 * In a cluster (instances on Hazelcast, {@link ClusterCache}) the counts are kept in the shared JCache as well
 * ({@link SharedFailureTally}), so a failure on one instance counts on every other and N instances do not allow N
 * times the guesses; an attempt waits for the longest of the local and the shared locks. The local tallies stay
 * beside the shared ones: if Hazelcast evicts an entry or cannot be reached, an instance still throttles on what it
 * has seen itself (the single-instance behaviour), and a success elsewhere clears the pair in the shared cache but
 * not this instance's local count (stricter, never laxer). Without Hazelcast nothing of this runs.
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
    private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());
    private static final String PAIR_PREFIX = "pair:";
    private static final String USER_PREFIX = "user:";

    @Inject
    ClusterCache cluster;

    private Clock clock = Clock.systemUTC();
    private volatile Shared shared;
    private volatile boolean sharedResolved;
    private volatile boolean sharedFailing;

    /** The tallies in the cluster's JCache. */
    private record Shared(SharedFailureTally pairs, SharedFailureTally users) {

        Shared(Cache<String, String> cache) {
            this(new SharedFailureTally(cache, PAIR_PREFIX, FORGET_AFTER),
                    new SharedFailureTally(cache, USER_PREFIX, FORGET_AFTER));
        }
    }

    public SignInThrottle() {
    }

    SignInThrottle(Clock clock) {
        this.clock = clock;
        this.sharedResolved = true; // local only
    }

    /** An instance of a cluster whose instances share the cache. */
    SignInThrottle(Clock clock, Cache<String, String> sharedCache) {
        this.clock = clock;
        this.shared = new Shared(sharedCache);
        this.sharedResolved = true;
    }

    /** Seconds the caller must still wait, 0 when an attempt is allowed now. */
    public long secondsLocked(String username, String address) {
        Instant now = clock.instant();
        String user = user(username);
        String pair = pair(user, address);
        Instant until = later(lockedUntil(pairs.get(pair, now), FREE_FAILURES),
                lockedUntil(users.get(user, now), USER_FREE_FAILURES));
        Optional<Shared> cluster = shared();
        if (cluster.isPresent()) {
            try {
                until = later(until, later(lockedUntil(cluster.get().pairs().get(pair, now), FREE_FAILURES),
                        lockedUntil(cluster.get().users().get(user, now), USER_FREE_FAILURES)));
            } catch (RuntimeException e) {
                sharedTrouble(e);
            }
        }
        long millis = until == null ? 0 : Duration.between(now, until).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        String user = user(username);
        String pair = pair(user, address);
        pairs.failed(pair, now);
        users.failed(user, now);
        shared().ifPresent(cluster -> {
            try {
                cluster.pairs().failed(pair, now);
                cluster.users().failed(user, now);
            } catch (RuntimeException e) {
                sharedTrouble(e);
            }
        });
    }

    public void succeeded(String username, String address) {
        String pair = pair(user(username), address);
        pairs.clear(pair);
        shared().ifPresent(cluster -> {
            try {
                cluster.pairs().clear(pair);
            } catch (RuntimeException e) {
                sharedTrouble(e);
            }
        });
    }

    private Optional<Shared> shared() {
        if (!sharedResolved) {
            Optional<Cache<String, String>> cache = cluster == null ? Optional.empty() : cluster.signInFailures();
            shared = cache.map(Shared::new).orElse(null);
            sharedResolved = true;
        }
        return Optional.ofNullable(shared);
    }

    /** The shared counts are unavailable for this attempt: the local ones decide. Said once, not per attempt. */
    private void sharedTrouble(RuntimeException e) {
        if (!sharedFailing) {
            sharedFailing = true;
            LOG.log(Level.WARNING, "Sign-in failures could not be read or counted in the cluster cache; this "
                    + "instance throttles on its own counts meanwhile: " + e);
        }
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
