package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.database.control.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Remember-me tokens on the real schema: issue, rotate with grace, theft, key change, expiry, revoke. */
class RememberMeTokensTest {

    @TempDir
    Path dir;

    EntityManagerFactory factory;
    RememberMeTokens tokens;
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    /** The real schema on SQLite; the PostgreSQL variant of this test runs the same cases there. */
    EntityManagerFactory database() {
        return TestDatabase.open(dir);
    }

    @BeforeEach
    void open() {
        factory = database();
        tokens = withKeys("a", "v");
    }

    RememberMeTokens withKeys(String adminKey, String viewerKey) {
        StaticCredentials credentials = new StaticCredentials();
        credentials.init(Optional.of("admin"), Optional.of(adminKey), false, new SecureRandom());
        credentials.extra("viewer", Role.VIEWER, Optional.ofNullable(viewerKey), "DASHBOARD_VIEWER_KEY");
        RememberMeTokens t = new RememberMeTokens();
        t.credentials = credentials;
        t.sessionPolicy = new SessionPolicy();
        t.em = factory.createEntityManager();
        t.clock = new Clock() {
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now;
            }
        };
        return t;
    }

    /** Outside the container @Transactional does nothing: each call gets its own transaction here. */
    <T> T tx(RememberMeTokens t, Supplier<T> work) {
        t.em.getTransaction().begin();
        T result = work.get();
        t.em.getTransaction().commit();
        t.em.clear();
        return result;
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void aTokenSignsItsUserInAndRotationKeepsTheOldOneForTheGraceOnly() {
        String first = tx(tokens, () -> tokens.issue("viewer")).orElseThrow();
        assertEquals(Role.VIEWER, tx(tokens, () -> tokens.validate(first)).orElseThrow().role());

        RememberMeTokens.Issued rotated = tx(tokens, () -> tokens.rotate(first)).orElseThrow();
        assertNotEquals(first, rotated.token());
        assertEquals("viewer", tx(tokens, () -> tokens.validate(rotated.token())).orElseThrow().username());
        // A parallel request of the same page load: valid, and it gets no second successor.
        assertNull(tx(tokens, () -> tokens.rotate(first)).orElseThrow().token());

        now = now.plus(RememberMeTokens.GRACE).plusSeconds(1);
        assertTrue(tx(tokens, () -> tokens.validate(rotated.token())).isPresent(), "the successor lives on");
        // The replaced token again, after its grace: taken as stolen, the whole sign-in is revoked.
        assertTrue(tx(tokens, () -> tokens.validate(first)).isEmpty());
        assertTrue(tx(tokens, () -> tokens.validate(rotated.token())).isEmpty(), "revoked with its series");
    }

    @Test
    void signOutRevokesTheSeriesAndTokensExpire() {
        String kept = tx(tokens, () -> tokens.issue("admin")).orElseThrow();
        String next = tx(tokens, () -> tokens.rotate(kept)).orElseThrow().token();
        tx(tokens, () -> {
            tokens.revoke(next);
            return null;
        });
        assertTrue(tx(tokens, () -> tokens.validate(kept)).isEmpty());
        assertTrue(tx(tokens, () -> tokens.validate(next)).isEmpty());

        String other = tx(tokens, () -> tokens.issue("admin")).orElseThrow();
        now = now.plus(Duration.ofDays(30)).plusSeconds(1);
        assertTrue(tx(tokens, () -> tokens.validate(other)).isEmpty(), "30 days at most");
    }

    @Test
    void aChangedKeyOrARemovedUserRetiresTheirTokens() {
        String admin = tx(tokens, () -> tokens.issue("admin")).orElseThrow();
        String viewer = tx(tokens, () -> tokens.issue("viewer")).orElseThrow();
        RememberMeTokens afterRestart = withKeys("a-new-key", null);
        assertTrue(tx(afterRestart, () -> afterRestart.validate(admin)).isEmpty(), "the admin's key changed");
        assertTrue(tx(afterRestart, () -> afterRestart.validate(viewer)).isEmpty(), "the viewer is gone");
        assertTrue(tx(afterRestart, () -> afterRestart.issue("nobody")).isEmpty());
        assertTrue(tx(afterRestart, () -> afterRestart.validate("made-up")).isEmpty());
        assertTrue(tx(afterRestart, () -> afterRestart.validate("")).isEmpty());
    }
}
