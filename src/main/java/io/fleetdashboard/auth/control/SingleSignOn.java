package io.fleetdashboard.auth.control;

import com.nimbusds.jwt.JWTClaimsSet;
import io.fleetdashboard.auth.entity.PendingSsoSignIn;
import io.fleetdashboard.auth.entity.SsoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The authorization code flow with PKCE (S256), state and nonce. {@link #begin} makes the pending sign-in (kept by the
 * caller in the browser's session) and the provider's authorize URL; {@link #finish} checks the callback against
 * it, exchanges the code, validates the ID token (IdTokenValidator) and maps its groups to roles (RoleMapping).
 */
@ApplicationScoped
public class SingleSignOn {

    private static final Logger LOG = Logger.getLogger(SingleSignOn.class.getName());
    /** A sign-in must come back from the provider within this time. */
    public static final long PENDING_MILLIS = 10 * 60_000L;

    /** A completed sign-on: who, with which roles, and the ID token (the hint for the provider's sign-out). */
    public record Outcome(String username, RoleMapping.Mapped roles, String idToken) {
    }

    @Inject
    OidcSettings settings;

    @Inject
    OidcGateway gateway;

    @Inject
    RoleMapping roles;

    @Inject
    UsedNonces usedNonces;

    private final SecureRandom random = new SecureRandom();

    public boolean enabled() {
        return settings.ssoEnabled();
    }

    /** A new pending sign-in for the page to return to, and where to send the browser. */
    public Map.Entry<PendingSsoSignIn, URI> begin(String next) {
        requireEnabled();
        PendingSsoSignIn pending = new PendingSsoSignIn(randomText(32), randomText(64), randomText(32),
                RedirectTarget.safe(next), System.currentTimeMillis());
        OidcGateway.Provider provider = gateway.provider();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri());
        query.put("scope", settings.scope());
        query.put("state", pending.state());
        query.put("nonce", pending.nonce());
        query.put("code_challenge", challenge(pending.codeVerifier()));
        query.put("code_challenge_method", "S256");
        return Map.entry(pending, withQuery(provider.authorizationEndpoint(), query));
    }

    /**
     * The callback: state must be the pending sign-in's (and not older than ten minutes), then code exchange, ID
     * token checks and role mapping. The caller has already removed the pending sign-in from the session, so the
     * same callback cannot be used twice.
     */
    public Outcome finish(PendingSsoSignIn pending, String state, String code, String error) {
        requireEnabled();
        if (pending == null || state == null || !MessageDigest.isEqual(
                pending.state().getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8))) {
            throw new SsoException("bad_state", "This sign-in link is not the one this browser started (state), or it "
                    + "was used already. Start the sign-in again.");
        }
        if (System.currentTimeMillis() - pending.startedMillis() > PENDING_MILLIS) {
            throw new SsoException("bad_state", "The sign-in took longer than ten minutes. Start it again.");
        }
        if (error != null && !error.isBlank()) {
            String word = error.matches("[a-z_]{1,40}") ? error : "error";
            throw new SsoException("provider_error", "The provider did not sign you in (" + word + ").");
        }
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw new SsoException("bad_request", "The provider's answer has no sign-in code.");
        }
        String idToken = gateway.exchange(code, pending.codeVerifier());
        OidcGateway.Provider provider = gateway.provider();
        JWTClaimsSet claims = new IdTokenValidator(provider.keys(), settings.issuer(), settings.clientId(),
                settings.audience().orElse(null), usedNonces).validate(idToken, pending.nonce());
        String username = username(claims);
        RoleMapping.Mapped mapped = roles.map(claims.getClaim(roles.claim()));
        if (mapped.refused()) {
            LOG.info(() -> "Single sign-on of '" + username + "' refused: no group maps to a role");
            throw new SsoException("no_role", "You are signed in at the provider as " + username + ", but none of your "
                    + "groups gives a role in this dashboard. Ask an administrator to add your group.");
        }
        return new Outcome(username, mapped, idToken);
    }

    /** Where to send the browser to sign out at the provider too; empty when it has no end_session_endpoint. */
    public Optional<URI> endSession(String idToken, String postLogoutRedirect) {
        if (!enabled()) {
            return Optional.empty();
        }
        try {
            return gateway.provider().endSessionEndpoint().map(endpoint -> {
                Map<String, String> query = new LinkedHashMap<>();
                if (idToken != null) {
                    query.put("id_token_hint", idToken);
                }
                query.put("client_id", settings.clientId());
                query.put("post_logout_redirect_uri", postLogoutRedirect);
                return withQuery(endpoint, query);
            });
        } catch (SsoException e) {
            // Signed out here already; the provider's session outlives it only when the provider cannot be reached.
            LOG.info(() -> "Provider sign-out skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** preferred_username, else email, else name, else sub (as the original). */
    static String username(JWTClaimsSet claims) {
        for (String claim : new String[] {"preferred_username", "email", "name"}) {
            try {
                String value = claims.getStringClaim(claim);
                if (value != null && !value.isBlank()) {
                    return value.length() > 200 ? value.substring(0, 200) : value;
                }
            } catch (ParseException e) {
                // Not a string: try the next.
            }
        }
        return claims.getSubject();
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static URI withQuery(URI endpoint, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + encoded);
    }

    private String randomText(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new SsoException("not_configured", "Single sign-on is not configured (DASHBOARD_AUTH_PROVIDER, "
                    + "DASHBOARD_OIDC_ISSUER, _CLIENT_ID, _REDIRECT_URI).");
        }
    }
}
