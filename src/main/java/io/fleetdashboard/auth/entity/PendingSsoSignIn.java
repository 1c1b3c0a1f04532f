package io.fleetdashboard.auth.entity;

import java.io.Serializable;

/**
 * A sign-in sent to the provider and not back yet, kept in the browser's own session (so a callback from another
 * browser finds nothing): the state that must come back, the PKCE verifier, the nonce the ID token must carry and
 * the page to return to.
 */
public record PendingSsoSignIn(String state, String codeVerifier, String nonce, String next, long startedMillis)
        implements Serializable {
}
