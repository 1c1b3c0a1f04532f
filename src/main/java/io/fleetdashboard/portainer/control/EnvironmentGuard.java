package io.fleetdashboard.portainer.control;

import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * Circuit breaker and bulkhead of ONE environment.
 * <p>
 * Why not MP Fault Tolerance's @CircuitBreaker/@Bulkhead: their state belongs to a bean class + method and is
 * shared by every environment the method is called for, so one dead Portainer would open the breaker (or fill the
 * bulkhead) for all of them. The gateway keeps one guard per environment instead, and leaves timeouts and retries
 * to MP FT (those have no shared state that matters).
 * <ul>
 *   <li>Bulkhead: a non-blocking semaphore of {@code portainer.bulkhead.size} permits (twice the connection
 *       pool size by default); a call that finds none is rejected at once with OVERLOADED instead of queueing.
 *       Interactive calls (a user waiting: the connection test) have their own, smaller semaphore
 *       ({@code portainer.interactive.bulkhead.size}), so a refresh never starves a user and the other way round.</li>
 *   <li>Breaker, count-based: CLOSED until {@code failureThreshold} consecutive failures, then OPEN (calls rejected
 *       with CIRCUIT_OPEN) for {@code openDuration}, then HALF_OPEN: exactly one trial call; its success closes,
 *       its failure re-opens. Only server-level trouble counts as a failure (see {@link Outcome}).</li>
 * </ul>
 * No threads and no timers: time is read from the clock when calls arrive.
 */
public final class EnvironmentGuard {

    public enum State { CLOSED, OPEN, HALF_OPEN }

    /** How a call ended, as far as the breaker cares. */
    public enum Outcome {
        /** The server answered (2xx, but also 4xx, 502 from the proxy, edge tunnel errors). */
        SUCCESS,
        /** The server itself is in trouble: cannot connect, or its own routes time out or fail with 5xx. */
        FAILURE,
        /** Says nothing about the server (e.g. a Docker proxy call to one hung agent timed out). */
        NEUTRAL
    }

    private final String environment;
    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoClock;
    private final Semaphore permits;
    private final Semaphore interactivePermits;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public EnvironmentGuard(String environment, int maxConcurrency, int failureThreshold, Duration openDuration,
                            LongSupplier nanoClock) {
        this(environment, maxConcurrency, 4, failureThreshold, openDuration, nanoClock);
    }

    public EnvironmentGuard(String environment, int maxConcurrency, int maxInteractive, int failureThreshold,
                            Duration openDuration, LongSupplier nanoClock) {
        this.interactivePermits = new Semaphore(Math.max(1, maxInteractive));
        this.environment = environment;
        this.failureThreshold = Math.max(1, failureThreshold);
        this.openNanos = openDuration.toNanos();
        this.nanoClock = nanoClock;
        this.permits = new Semaphore(Math.max(1, maxConcurrency));
    }

    /**
     * Takes a permit; returns whether this call is the half-open trial. Every successful enter must be matched by
     * exactly one {@link #leave(boolean, Outcome)}.
     *
     * @throws PortainerException OVERLOADED or CIRCUIT_OPEN
     */
    public boolean enter() {
        return enter(false);
    }

    /** As {@link #enter()}, with a permit of the interactive bulkhead when {@code interactive}. */
    public boolean enter(boolean interactive) {
        Semaphore permits = interactive ? interactivePermits : this.permits;
        if (!permits.tryAcquire()) {
            throw new PortainerException(ErrorKind.OVERLOADED,
                    "Portainer '" + environment + "': too many requests in flight");
        }
        synchronized (this) {
            if (state == State.OPEN && nanoClock.getAsLong() - openedAt >= openNanos) {
                state = State.HALF_OPEN;
                trialInFlight = false;
            }
            if (state == State.CLOSED) {
                return false;
            }
            if (state == State.HALF_OPEN && !trialInFlight) {
                trialInFlight = true;
                return true;
            }
        }
        permits.release();
        throw new PortainerException(ErrorKind.CIRCUIT_OPEN,
                "Portainer '" + environment + "': paused after repeated failures, retrying shortly");
    }

    public void leave(boolean trial, Outcome outcome) {
        leave(trial, outcome, false);
    }

    /** Ends a call entered with {@link #enter(boolean)}; {@code interactive} as there. */
    public void leave(boolean trial, Outcome outcome, boolean interactive) {
        Semaphore permits = interactive ? interactivePermits : this.permits;
        try {
            synchronized (this) {
                if (trial) {
                    trialInFlight = false;
                }
                switch (outcome) {
                    case SUCCESS -> {
                        consecutiveFailures = 0;
                        if (trial && state == State.HALF_OPEN) {
                            state = State.CLOSED;
                        }
                    }
                    case FAILURE -> {
                        if (trial && state == State.HALF_OPEN) {
                            open();
                        } else if (state == State.CLOSED && ++consecutiveFailures >= failureThreshold) {
                            open();
                        }
                    }
                    case NEUTRAL -> {
                        // a half-open trial that proved nothing frees the slot for the next call
                    }
                }
            }
        } finally {
            permits.release();
        }
    }

    public synchronized State state() {
        return state;
    }

    /**
     * The breaker as it stands, for people: its state, the server-level failures in a row while closed, and for an
     * open breaker how long until the next call becomes its trial (0 when that time has come: the next call is it).
     */
    public record Reading(State state, int failuresInARow, long nanosUntilTrial) {
    }

    public synchronized Reading reading() {
        long untilTrial = state == State.OPEN ? Math.max(0, openNanos - (nanoClock.getAsLong() - openedAt)) : 0;
        return new Reading(state, consecutiveFailures, untilTrial);
    }

    public int available() {
        return permits.availablePermits();
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoClock.getAsLong();
        consecutiveFailures = 0;
    }

    /** The breaker's view of a finished call on a route. */
    static Outcome outcome(Route route, ErrorKind failure) {
        if (failure == null) {
            return Outcome.SUCCESS;
        }
        if (route == Route.TROUBLE_INSPECT || route == Route.STACK_IMAGES_STATUS) {
            // best effort between refreshes: only the refresh's own calls judge the server
            return Outcome.NEUTRAL;
        }
        return switch (failure) {
            case UNAVAILABLE -> Outcome.FAILURE;
            case TIMEOUT -> route.serverLevel() ? Outcome.FAILURE : Outcome.NEUTRAL;
            case SERVER_ERROR -> route.serverLevel() ? Outcome.FAILURE : Outcome.SUCCESS;
            case CIRCUIT_OPEN, OVERLOADED -> Outcome.NEUTRAL;
            default -> Outcome.SUCCESS;
        };
    }
}
