package io.fleetdashboard.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.fleetdashboard.auth.entity.SsoException;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Checks an ID token the way OpenID Connect Core 3.1.3.7 asks: signature by a key of the provider's JWKS (RS256/384/512,
 * ES256/384/512, PS256; an unknown key id makes the key source fetch the JWKS again, see OidcGateway), iss equal to
 * the configured issuer, aud containing the client id (and DASHBOARD_OIDC_AUDIENCE when set), azp the client id when
 * present, exp in the future and iat present (60 s clock skew), and the nonce of this sign-in. A nonce seen before is
 * refused as a replay (UsedNonces). Refusals are SsoExceptions whose message names the check, never the token.
 */
public class IdTokenValidator {

    private static final Logger LOG = Logger.getLogger(IdTokenValidator.class.getName());
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512, JWSAlgorithm.PS256);

    private final JWKSource<SecurityContext> keys;
    private final String issuer;
    private final String clientId;
    private final String audience;
    private final UsedNonces usedNonces;

    public IdTokenValidator(JWKSource<SecurityContext> keys, String issuer, String clientId, String audience,
            UsedNonces usedNonces) {
        this.keys = keys;
        this.issuer = issuer;
        this.clientId = clientId;
        this.audience = audience == null || audience.isBlank() ? null : audience;
        this.usedNonces = usedNonces;
    }

    /** The token's claims when every check passes; otherwise an SsoException with reason bad_token or replayed_nonce. */
    public JWTClaimsSet validate(String idToken, String expectedNonce) {
        if (idToken == null || idToken.isBlank()) {
            throw new SsoException("bad_token", "The provider sent no ID token.");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat", "exp", "aud"), null));
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ParseException e) {
            throw new SsoException("bad_token", "The provider's ID token is not a signed JWT.");
        } catch (BadJOSEException e) {
            throw new SsoException("bad_token", explain(e.getMessage()));
        } catch (JOSEException e) {
            LOG.warning(() -> "ID token check failed: " + e.getMessage());
            throw new SsoException("bad_token", "The provider's ID token could not be checked.");
        }
        List<String> aud = claims.getAudience();
        if (!aud.contains(clientId)) {
            throw new SsoException("bad_token", "The ID token is meant for another client (audience).");
        }
        if (audience != null && !aud.contains(audience)) {
            throw new SsoException("bad_token", "The ID token does not name the required audience.");
        }
        Object azp = claims.getClaim("azp");
        if (azp != null && !clientId.equals(azp.toString())) {
            throw new SsoException("bad_token", "The ID token was issued to another client (azp).");
        }
        String nonce;
        try {
            nonce = claims.getStringClaim("nonce");
        } catch (ParseException e) {
            nonce = null;
        }
        if (nonce == null || expectedNonce == null || !nonce.equals(expectedNonce)) {
            if (nonce != null && usedNonces.seen(nonce)) {
                throw new SsoException("replayed_nonce", "This sign-in was already used (nonce replay).");
            }
            throw new SsoException("bad_token", "The ID token does not carry this sign-in's nonce.");
        }
        long expires = claims.getExpirationTime().getTime();
        if (!usedNonces.use(nonce, expires)) {
            throw new SsoException("replayed_nonce", "This sign-in was already used (nonce replay).");
        }
        return claims;
    }

    /** Nimbus' refusal in words for the page (its messages name the check, not the token). */
    static String explain(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("expired")) {
            return "The ID token has expired.";
        }
        if (text.contains("iss")) {
            return "The ID token comes from another issuer.";
        }
        if (text.contains("no matching key") || text.contains("key")) {
            return "The ID token is not signed by a key of the provider.";
        }
        if (text.contains("signature")) {
            return "The ID token's signature is not valid.";
        }
        if (text.contains("algorithm") || text.contains("unsecured")) {
            return "The ID token is signed with an algorithm that is not accepted.";
        }
        if (text.contains("missing")) {
            return "The ID token lacks a required claim.";
        }
        return "The ID token was refused.";
    }
}
