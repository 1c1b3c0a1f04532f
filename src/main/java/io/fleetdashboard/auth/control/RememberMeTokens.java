package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.RememberMeToken;
import io.fleetdashboard.auth.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * "Keep me signed in" tokens in SQLite, so a sign-in survives restarts and upgrades. The cookie holds 32 random
 * bytes; the database only their SHA-256. A token is valid for SessionPolicy's 30 days, for a user who still exists
 * with the same key (fingerprint) and role. Using a token to start a new session rotates it: the successor is
 * issued and the used one stays valid for GRACE only (requests of the same page load still carry it). A rotated
 * token presented after its grace is taken as stolen: its whole series is revoked. Signing out revokes the series.
 */
@ApplicationScoped
public class RememberMeTokens {

    private static final Logger LOG = Logger.getLogger(RememberMeTokens.class.getName());
    static final Duration GRACE = Duration.ofSeconds(60);

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    StaticCredentials credentials;

    @Inject
    SessionPolicy sessionPolicy;

    private final SecureRandom random = new SecureRandom();
    Clock clock = Clock.systemUTC();

    /** A token and the user it signs in. */
    public record Issued(String token, String username, Role role) {
    }

    /** A new series for a user who just signed in with "keep me signed in"; empty for an unknown user. */
    @Transactional
    public Optional<String> issue(String username) {
        Optional<Role> role = credentials.role(username);
        Optional<String> fingerprint = credentials.fingerprint(username);
        if (role.isEmpty() || fingerprint.isEmpty()) {
            return Optional.empty();
        }
        long now = clock.millis();
        em.createNamedQuery("RememberMeToken.deleteExpired").setParameter("now", now).executeUpdate();
        return Optional.of(store(UUID.randomUUID().toString(), username, role.get(), fingerprint.get(), now));
    }

    /** The user a token signs in, when it is valid now; a stolen (rotated, past grace) token revokes its series. */
    @Transactional
    public Optional<Issued> validate(String token) {
        RememberMeToken row = find(token);
        if (row == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (row.getExpiresAt() <= now) {
            if (row.isRotated()) {
                LOG.warning(() -> "A replaced keep-me-signed-in token of user '" + row.getUsername()
                        + "' was presented again after its grace period; that sign-in is revoked on every device.");
                deleteSeries(row.getSeries());
            } else {
                em.remove(row);
            }
            return Optional.empty();
        }
        Optional<Role> role = credentials.role(row.getUsername());
        boolean sameKey = credentials.fingerprint(row.getUsername()).map(row.getUserFingerprint()::equals).orElse(false);
        if (role.isEmpty() || !sameKey || role.get() != row.getRole()) {
            // The user was removed, or its key or role changed: sign-ins made before do not carry over.
            deleteSeries(row.getSeries());
            return Optional.empty();
        }
        return Optional.of(new Issued(token, row.getUsername(), row.getRole()));
    }

    /**
     * Rotates a valid token that starts a new session: its successor, or the token itself when it was rotated a
     * moment ago by a parallel request of the same page load (that one already carries the successor).
     */
    @Transactional
    public Optional<Issued> rotate(String token) {
        Optional<Issued> valid = validate(token);
        if (valid.isEmpty()) {
            return Optional.empty();
        }
        RememberMeToken row = find(token);
        if (row.isRotated()) {
            return Optional.of(new Issued(null, row.getUsername(), row.getRole()));
        }
        long now = clock.millis();
        row.rotatedOut(now + GRACE.toMillis());
        String next = store(row.getSeries(), row.getUsername(), row.getRole(), row.getUserFingerprint(), now);
        return Optional.of(new Issued(next, row.getUsername(), row.getRole()));
    }

    /** Signs out everywhere this sign-in was kept: every token of the token's series. */
    @Transactional
    public void revoke(String token) {
        RememberMeToken row = find(token);
        if (row != null) {
            deleteSeries(row.getSeries());
        }
    }

    /** Ends every kept sign-in of a user (an administrator ended one of the user's sessions). */
    @Transactional
    public void revokeUser(String username) {
        em.createNamedQuery("RememberMeToken.deleteUser").setParameter("username", username).executeUpdate();
        em.getEntityManagerFactory().getCache().evict(RememberMeToken.class);
    }

    /** How long a kept sign-in lasts, in seconds (the cookie's Max-Age). */
    public int lifetimeSeconds() {
        return (int) sessionPolicy.timeoutSeconds(true);
    }

    private String store(String series, String username, Role role, String fingerprint, long now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        em.persist(new RememberMeToken(hash(token), series, username, role, fingerprint, now,
                now + lifetimeSeconds() * 1000L));
        return token;
    }

    private RememberMeToken find(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return null;
        }
        return em.find(RememberMeToken.class, hash(token));
    }

    private void deleteSeries(String series) {
        em.createNamedQuery("RememberMeToken.deleteSeries").setParameter("series", series).executeUpdate();
        // Bulk deletes bypass the persistence context: drop what it may still hold of the series.
        em.getEntityManagerFactory().getCache().evict(RememberMeToken.class);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
