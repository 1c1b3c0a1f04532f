package io.fleetdashboard.assistant.entity;

/** The model could not answer; the message is our sentence, safe to show (never a token or a stack trace). */
public class ModelException extends RuntimeException {

    public enum Kind { NOT_CONFIGURED, TIMEOUT, UNAVAILABLE, REJECTED, MALFORMED, OVERLOADED }

    private final Kind kind;

    public ModelException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ModelException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
