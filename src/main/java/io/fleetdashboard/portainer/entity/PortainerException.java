package io.fleetdashboard.portainer.entity;

/** A failed call to Portainer, typed by kind; the message is safe to show (never contains keys). */
public class PortainerException extends RuntimeException {

    private final ErrorKind kind;

    public PortainerException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public PortainerException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
