package io.fleetdashboard.logs.entity;

/** A container's logs cannot be read, for a reason a user can act on; the message is a sentence safe to show. */
public class LogsUnavailableException extends RuntimeException {

    public enum Reason {
        /** Unknown environment or container. */
        NOT_FOUND,
        /** The endpoint is offline or an asynchronous edge agent: Docker cannot be asked. */
        UNREACHABLE,
        /** Log driver none: Docker keeps nothing to read. */
        NOT_KEPT,
        /** Dead or being removed: Docker refuses. */
        GONE,
        /** Too many log streams open for this user or in total. */
        TOO_MANY
    }

    private final Reason reason;

    public LogsUnavailableException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
