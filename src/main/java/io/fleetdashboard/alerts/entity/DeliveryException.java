package io.fleetdashboard.alerts.entity;

/**
 * A delivery attempt that failed, with a reason fit to record (it names the host at most, never a URL's path, a
 * token or a password) and whether trying again may help (timeouts, refused connections, 429 and 5xx answers).
 */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    public DeliveryException(String reason, boolean retryable) {
        super(reason);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
