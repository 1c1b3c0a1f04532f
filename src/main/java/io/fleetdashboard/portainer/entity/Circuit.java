package io.fleetdashboard.portainer.entity;

import java.time.Instant;

/**
 * The circuit breaker of one environment's Portainer, as it stands now (not as of a snapshot).
 *
 * @param environment      the environment's name
 * @param state            closed (calls go through), open (calls are refused at once, so a dead server costs
 *                         nothing) or half_open (one trial call decides: its success closes, its failure re-opens)
 * @param failuresInARow   server-level failures in a row while closed
 * @param failureThreshold failures in a row that open it
 * @param retryAt          open only: when the next call becomes the trial (it may already have passed: the next
 *                         call, usually the next refresh, is then the trial)
 */
public record Circuit(String environment, String state, int failuresInARow, int failureThreshold, Instant retryAt) {

    public static final String CLOSED = "closed";
    public static final String OPEN = "open";
    public static final String HALF_OPEN = "half_open";

    /** One line for a page: "closed", "open · next try in 12 s", "half-open · a trial call decides". */
    public String describe(Instant now) {
        return switch (state) {
            case OPEN -> {
                long seconds = retryAt == null ? 0 : Math.max(0, java.time.Duration.between(now, retryAt).toSeconds());
                yield seconds == 0 ? "open · the next call is the trial"
                        : "open · calls paused, next try in " + seconds + " s";
            }
            case HALF_OPEN -> "half-open · a trial call decides";
            default -> failuresInARow == 0 ? "closed"
                    : "closed · " + failuresInARow + " of " + failureThreshold + " failures in a row";
        };
    }
}
