package io.fleetdashboard.environments.entity;

/** An environment change refused: invalid input (400), no such environment (404), or a conflict (409). */
public class EnvironmentRejected extends RuntimeException {

    public enum Why { INVALID, NOT_FOUND, CONFLICT }

    private final Why why;

    public EnvironmentRejected(Why why, String message) {
        super(message);
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
