package io.fleetdashboard.auth.entity;

/**
 * A single sign-on that could not complete: {@code reason} is a short machine word (bad_state, bad_token,
 * replayed_nonce, provider_unreachable, provider_error, no_role, not_configured), the message a sentence for the page
 * that never holds a token or a secret.
 */
public class SsoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public SsoException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SsoException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
