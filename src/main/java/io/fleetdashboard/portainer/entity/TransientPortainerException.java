package io.fleetdashboard.portainer.entity;

/**
 * A failure that may go away on its own (5xx, timeouts, I/O): the only kind the gateway retries, and only for
 * idempotent GETs. 4xx, edge tunnel errors and malformed bodies are plain {@link PortainerException}s.
 */
public class TransientPortainerException extends PortainerException {

    public TransientPortainerException(ErrorKind kind, String message) {
        super(kind, message);
    }

    public TransientPortainerException(ErrorKind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
