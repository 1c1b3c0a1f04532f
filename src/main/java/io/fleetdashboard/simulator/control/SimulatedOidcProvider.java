package io.fleetdashboard.simulator.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A minimal OpenID Connect provider for the tests and the demo (SIMULATOR_OIDC_ENABLED=true): a handful of test
 * users with groups, authorization codes bound to the client, redirect URI and PKCE challenge (single use, one
 * minute), RS256 ID tokens signed with the current key, and a JWKS that publishes the current and the previous key.
 * {@link #rotate} makes a new key with a new key id, so the dashboard meets a key id it has not cached. For the
 * refusal tests, the authorize request may ask for a bad token: sim_nonce (another nonce), sim_aud (another
 * audience), sim_iss (another issuer), sim_kid=unpublished (a key not in the JWKS), sim_expired=true.
 */
@ApplicationScoped
public class SimulatedOidcProvider {

    /** A test user: name and groups. */
    public record TestUser(String username, String email, List<String> groups) {
    }

    /** An issued, not yet redeemed code. */
    record Grant(String clientId, String redirectUri, String challenge, String nonce, TestUser user,
                 Map<String, String> hints, long expiresMillis) {
    }

    /** What the token endpoint answers: the HTTP status and the JSON body's fields. */
    public record TokenAnswer(int status, Map<String, Object> body) {
    }

    public static final Map<String, TestUser> USERS = new LinkedHashMap<>();

    static {
        for (TestUser user : List.of(
                new TestUser("sso-admin", "sso-admin@example.test", List.of("fleet-admins")),
                new TestUser("sso-operator", "sso-operator@example.test", List.of("fleet-operators", "staff")),
                new TestUser("sso-viewer", "sso-viewer@example.test", List.of("fleet-viewers", "staff")),
                new TestUser("sso-edge", "sso-edge@example.test", List.of("edge-operators", "staff")),
                new TestUser("sso-nobody", "sso-nobody@example.test", List.of("contractors")))) {
            USERS.put(user.username(), user);
        }
    }

    static final long CODE_MILLIS = 60_000;
    static final long TOKEN_SECONDS = 300;

    @Inject
    @ConfigProperty(name = "simulator.oidc.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.client.id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.client.secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "dashboard.oidc.redirect.uri")
    Optional<String> redirectUri;

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger rotations = new AtomicInteger();
    private final AtomicInteger jwksFetches = new AtomicInteger();
    private final AtomicInteger endSessions = new AtomicInteger();
    private volatile RSAKey current;
    private volatile RSAKey previous;
    private RSAKey unpublished;

    @PostConstruct
    void init() {
        current = newKey();
        unpublished = newKey();
    }

    public boolean enabled() {
        return enabled;
    }

    public String clientId() {
        return clientId.orElse("fleet-dashboard");
    }

    /** The discovery document of the provider at that issuer URL. */
    public Map<String, Object> discovery(String issuer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("authorization_endpoint", issuer + "/authorize");
        doc.put("token_endpoint", issuer + "/token");
        doc.put("jwks_uri", issuer + "/jwks");
        doc.put("end_session_endpoint", issuer + "/end_session");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "none"));
        doc.put("scopes_supported", List.of("openid", "profile", "email"));
        return doc;
    }

    /** The public keys: the current one and the one before the last rotation. */
    public String jwks() {
        jwksFetches.incrementAndGet();
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        keys.add(current.toPublicJWK());
        RSAKey before = previous;
        if (before != null) {
            keys.add(before.toPublicJWK());
        }
        return new JWKSet(keys).toString();
    }

    /** Why an authorize request is refused, or empty when it may go on. */
    public Optional<String> authorizeRefusal(String client, String redirect, String responseType, String challenge,
            String method) {
        if (!clientId().equals(client)) {
            return Optional.of("unauthorized_client");
        }
        if (redirect == null || !redirect.equals(redirectUri.orElse(redirect))) {
            return Optional.of("invalid_redirect_uri");
        }
        if (!"code".equals(responseType)) {
            return Optional.of("unsupported_response_type");
        }
        if (challenge == null || challenge.isBlank() || !"S256".equals(method)) {
            return Optional.of("invalid_request");
        }
        return Optional.empty();
    }

    /** A single-use code for that user, bound to the client, redirect URI, PKCE challenge and nonce. */
    public String issueCode(String client, String redirect, String challenge, String nonce, TestUser user,
            Map<String, String> hints) {
        long now = System.currentTimeMillis();
        codes.values().removeIf(g -> g.expiresMillis() < now);
        String code = randomText();
        codes.put(code, new Grant(client, redirect, challenge, nonce, user, Map.copyOf(hints), now + CODE_MILLIS));
        return code;
    }

    /** The token endpoint: code, redirect URI, client (id and secret when it has one) and PKCE verifier must match. */
    public TokenAnswer token(String issuer, String grantType, String code, String redirect, String client,
            String secret, String verifier) {
        if (!"authorization_code".equals(grantType)) {
            return error(400, "unsupported_grant_type");
        }
        Grant grant = code == null ? null : codes.remove(code);
        if (grant == null || grant.expiresMillis() < System.currentTimeMillis()) {
            return error(400, "invalid_grant");
        }
        if (!grant.clientId().equals(client)
                || (clientSecret.isPresent() && !clientSecret.get().equals(secret))) {
            return error(401, "invalid_client");
        }
        if (!grant.redirectUri().equals(redirect) || verifier == null || !grant.challenge().equals(challenge(verifier))) {
            return error(400, "invalid_grant");
        }
        Map<String, String> hints = grant.hints();
        long now = System.currentTimeMillis();
        long expires = Boolean.parseBoolean(hints.get("sim_expired")) ? now - 600_000 : now + TOKEN_SECONDS * 1000;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(hints.getOrDefault("sim_iss", issuer))
                .subject("sim-" + grant.user().username())
                .audience(hints.getOrDefault("sim_aud", grant.clientId()))
                .issueTime(new Date(now - (expires < now ? 900_000 : 0)))
                .expirationTime(new Date(expires))
                .claim("nonce", hints.getOrDefault("sim_nonce", grant.nonce()))
                .claim("preferred_username", grant.user().username())
                .claim("email", grant.user().email())
                .claim("groups", grant.user().groups())
                .build();
        RSAKey key = "unpublished".equals(hints.get("sim_kid")) ? unpublished : current;
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", randomText());
            body.put("token_type", "Bearer");
            body.put("expires_in", TOKEN_SECONDS);
            body.put("id_token", jwt.serialize());
            return new TokenAnswer(200, body);
        } catch (JOSEException e) {
            return error(500, "server_error");
        }
    }

    /** A new signing key with a new key id; the JWKS keeps the previous one. The new key id. */
    public synchronized String rotate() {
        previous = current;
        current = newKey();
        rotations.incrementAndGet();
        return current.getKeyID();
    }

    public void endedSession() {
        endSessions.incrementAndGet();
    }

    /** For the control API: key id, rotations, JWKS fetches, provider sign-outs. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("enabled", enabled);
        status.put("keyId", current.getKeyID());
        status.put("rotations", rotations.get());
        status.put("jwksFetches", jwksFetches.get());
        status.put("endSessions", endSessions.get());
        return status;
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TokenAnswer error(int status, String error) {
        return new TokenAnswer(status, Map.of("error", error));
    }

    private String randomText() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("sim-" + UUID.randomUUID())
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation is part of every JDK", e);
        }
    }
}
