package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.entity.Role;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaticCredentialsTest {

    private static StaticCredentials credentials(String user, String key, boolean demo) {
        StaticCredentials credentials = new StaticCredentials();
        credentials.init(Optional.ofNullable(user), Optional.ofNullable(key), demo, new SecureRandom());
        return credentials;
    }

    @Test
    void acceptsOnlyTheExactPair() {
        StaticCredentials c = credentials("admin", "s3cret", false);
        assertTrue(c.configured());
        assertTrue(c.matches("admin", "s3cret"));
        assertFalse(c.matches("admin", "s3cre"));
        assertFalse(c.matches("admin", "s3cret "));
        assertFalse(c.matches("root", "s3cret"));
        assertFalse(c.matches("admin", ""));
        assertFalse(c.matches(null, "s3cret"));
        assertFalse(c.matches("admin", null));
    }

    @Test
    void notConfiguredOutsideDemoModeAcceptsNothing() {
        for (StaticCredentials c : new StaticCredentials[] {credentials(null, null, false), credentials("admin", null, false),
                credentials(null, "key", false), credentials("admin", "  ", false), credentials("admin", null, true)}) {
            assertFalse(c.configured());
            assertFalse(c.matches("admin", ""));
            assertFalse(c.matches("", ""));
        }
    }

    @Test
    void demoModeWithNothingSetGeneratesAFreshKeyForAdmin() {
        StaticCredentials first = credentials(null, null, true);
        StaticCredentials second = credentials(null, null, true);
        assertTrue(first.configured());
        assertTrue(first.generated());
        assertEquals("admin", first.username());
        assertFalse(first.matches("admin", ""));
    }

    @Test
    void optionalOperatorAndViewerGetTheirOwnRoles() {
        StaticCredentials c = credentials("admin", "a", false);
        c.extra(StaticCredentials.OPERATOR_USERNAME, Role.OPERATOR, Optional.of("o"), "DASHBOARD_OPERATOR_KEY");
        c.extra(StaticCredentials.VIEWER_USERNAME, Role.VIEWER, Optional.of("v"), "DASHBOARD_VIEWER_KEY");
        assertEquals(Role.ADMIN, c.match("admin", "a").orElseThrow().role());
        assertEquals(Role.OPERATOR, c.match("operator", "o").orElseThrow().role());
        assertEquals(Role.VIEWER, c.match("Viewer", "v").orElseThrow().role());
        assertEquals("viewer", c.match("Viewer", "v").orElseThrow().username());
        assertTrue(c.match("viewer", "o").isEmpty());
        assertTrue(c.match("operator", "a").isEmpty());
        assertEquals(Role.OPERATOR, c.role("Operator").orElseThrow());
        assertTrue(c.role("root").isEmpty());
    }

    @Test
    void anOptionalUserNeverReplacesTheAdminOfTheSameName() {
        StaticCredentials c = credentials("viewer", "a", false);
        c.extra(StaticCredentials.VIEWER_USERNAME, Role.VIEWER, Optional.of("v"), "DASHBOARD_VIEWER_KEY");
        assertEquals(Role.ADMIN, c.match("viewer", "a").orElseThrow().role());
        assertTrue(c.match("viewer", "v").isEmpty());
    }

    @Test
    void optionalUsersAloneDoNotConfigureSignIn() {
        StaticCredentials c = credentials(null, null, false);
        c.extra(StaticCredentials.VIEWER_USERNAME, Role.VIEWER, Optional.of("v"), "DASHBOARD_VIEWER_KEY");
        assertFalse(c.configured());
        assertFalse(c.matches("viewer", "v"));
    }

    @Test
    void explicitCredentialsWinInDemoMode() {
        StaticCredentials c = credentials("ops", "k", true);
        assertFalse(c.generated());
        assertTrue(c.matches("ops", "k"));
    }
}
