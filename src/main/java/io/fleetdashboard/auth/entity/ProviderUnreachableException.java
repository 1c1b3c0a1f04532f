package io.fleetdashboard.auth.entity;

/**
 * The OpenID Connect provider did not answer (refused, no route, timed out): counted by the provider's circuit
 * breaker, unlike a provider that answers with an error.
 */
public class ProviderUnreachableException extends SsoException {

    private static final long serialVersionUID = 1L;

    public ProviderUnreachableException(String message, Throwable cause) {
        super("provider_unreachable", message, cause);
    }
}
