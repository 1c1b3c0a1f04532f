package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fleetdashboard.auth.entity.SsoException;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class IdTokenValidatorTest {

    static final String ISSUER = "https://idp.example/realms/fleet";
    static final String CLIENT = "fleet-dashboard";

    /** The provider's published keys, changeable (rotation), counting how often they were fetched. */
    static final class Provider implements JWKSetSource<SecurityContext> {
        volatile JWKSet published;
        final AtomicInteger fetches = new AtomicInteger();

        @Override
        public JWKSet getJWKSet(com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator refresh, long now,
                SecurityContext context) {
            fetches.incrementAndGet();
            return published;
        }

        @Override
        public void close() {
        }
    }

    final RSAKey first = key("k1");
    final RSAKey second = key("k2");
    final Provider provider = new Provider();
    final JWKSource<SecurityContext> keys = JWKSourceBuilder.create(provider).rateLimited(false).build();
    final UsedNonces nonces = new UsedNonces();

    IdTokenValidatorTest() {
        provider.published = new JWKSet(first.toPublicJWK());
    }

    IdTokenValidator validator(String audience) {
        return new IdTokenValidator(keys, ISSUER, CLIENT, audience, nonces);
    }

    static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(RSAKey key, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("u1").audience(CLIENT)
                .issueTime(new Date(now)).expirationTime(new Date(now + 300_000)).claim("nonce", "n-1")
                .claim("preferred_username", "alice");
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    SsoException refused(String token, String nonce) {
        return assertThrows(SsoException.class, () -> validator(null).validate(token, nonce));
    }

    @Test
    void aGoodTokenPasses() throws Exception {
        JWTClaimsSet claims = validator(null).validate(token(first, c -> { }), "n-1");
        assertEquals("alice", SingleSignOn.username(claims));
    }

    @Test
    void theSameNonceTwiceIsAReplay() throws Exception {
        validator(null).validate(token(first, c -> { }), "n-1");
        assertEquals("replayed_nonce", refused(token(first, c -> { }), "n-1").reason());
        // also when it comes back inside a token for another sign-in
        assertEquals("replayed_nonce", refused(token(first, c -> { }), "n-2").reason());
    }

    @Test
    void anotherNonceIsRefused() throws Exception {
        SsoException e = refused(token(first, c -> c.claim("nonce", "other")), "n-1");
        assertEquals("bad_token", e.reason());
        assertTrue(e.getMessage().contains("nonce"), e.getMessage());
        assertEquals("bad_token", refused(token(first, c -> c.claim("nonce", null)), "n-1").reason());
    }

    @Test
    void audienceIssuerAzpAndExpiryAreChecked() throws Exception {
        assertTrue(refused(token(first, c -> c.audience("someone-else")), "n-1").getMessage().contains("audience"));
        assertTrue(refused(token(first, c -> c.issuer("https://evil.example")), "n-1").getMessage().contains("issuer"));
        assertTrue(refused(token(first, c -> c.audience(List.of(CLIENT, "api")).claim("azp", "api")), "n-1")
                .getMessage().contains("azp"));
        assertTrue(refused(token(first, c -> c.expirationTime(new Date(System.currentTimeMillis() - 600_000))), "n-1")
                .getMessage().contains("expired"));
        SsoException extra = assertThrows(SsoException.class,
                () -> validator("https://api.example").validate(token(first, c -> { }), "n-1"));
        assertTrue(extra.getMessage().contains("audience"), extra.getMessage());
        validator("https://api.example").validate(token(first, c -> c.audience(List.of(CLIENT, "https://api.example"))
                .claim("azp", CLIENT)), "n-1");
    }

    @Test
    void aForgedOrUnsignedTokenIsRefused() throws Exception {
        // Same key id, another private key: a forgery.
        SsoException forged = refused(token(key("k1"), c -> { }), "n-1");
        assertTrue(forged.getMessage().contains("signature"), forged.getMessage());
        String unsigned = new com.nimbusds.jwt.PlainJWT(new JWTClaimsSet.Builder().issuer(ISSUER).build()).serialize();
        assertEquals("bad_token", refused(unsigned, "n-1").reason());
        assertEquals("bad_token", refused("not.a.jwt", "n-1").reason());
        assertEquals("bad_token", refused("", "n-1").reason());
    }

    @Test
    void aRotatedKeyIsFetchedOnceAtItsFirstUseAndThenCached() throws Exception {
        validator(null).validate(token(first, c -> c.claim("nonce", "a")), "a");
        int fetched = provider.fetches.get();
        provider.published = new JWKSet(List.of(second.toPublicJWK(), first.toPublicJWK()));

        validator(null).validate(token(second, c -> c.claim("nonce", "b")), "b");
        assertTrue(provider.fetches.get() > fetched, "the unknown key id made the source fetch again");
        int afterRotation = provider.fetches.get();
        validator(null).validate(token(second, c -> c.claim("nonce", "c")), "c");
        validator(null).validate(token(first, c -> c.claim("nonce", "d")), "d");
        assertEquals(afterRotation, provider.fetches.get(), "known key ids come from the cache");
    }

    @Test
    void aKeyThatIsNotPublishedIsRefusedAfterOneMoreLook() throws Exception {
        SsoException e = refused(token(key("k-unknown"), c -> { }), "n-1");
        assertTrue(e.getMessage().contains("not signed by a key of the provider"), e.getMessage());
    }
}
