package io.fleetdashboard.alerts.entity;

/** A request about alerts that cannot be done: invalid input, something that does not exist, or a conflict. */
public class AlertRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, for the answer's status. */
    public enum Why { INVALID, MISSING, CONFLICT }

    private final Why why;

    public AlertRefusedException(Why why, String message) {
        super(message);
        this.why = why;
    }

    public static AlertRefusedException invalid(String message) {
        return new AlertRefusedException(Why.INVALID, message);
    }

    public static AlertRefusedException missing(String message) {
        return new AlertRefusedException(Why.MISSING, message);
    }

    public static AlertRefusedException conflict(String message) {
        return new AlertRefusedException(Why.CONFLICT, message);
    }

    public Why why() {
        return why;
    }
}
