package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesAndPolicyTest {

    final AccessPolicy policy = new AccessPolicy();

    @Test
    void rolesAreOrdered() {
        assertTrue(Role.ADMIN.includes(Role.OPERATOR));
        assertTrue(Role.ADMIN.includes(Role.VIEWER));
        assertTrue(Role.OPERATOR.includes(Role.VIEWER));
        assertFalse(Role.VIEWER.includes(Role.OPERATOR));
        assertFalse(Role.OPERATOR.includes(Role.ADMIN));
        assertTrue(Role.VIEWER.includes(null));
        assertEquals(Set.of("viewer", "operator", "admin"), Role.ADMIN.groupNames());
        assertEquals(Set.of("viewer"), Role.VIEWER.groupNames());
        assertEquals(Role.ADMIN, Role.highestOf(Set.of("viewer", "admin")));
        assertEquals(Role.VIEWER, Role.highestOf(Set.of("unknown")));
    }

    @Test
    void publicPaths() {
        for (String path : new String[] {"/signin.xhtml", "/jakarta.faces.resource/theme.css.xhtml", "/favicon.ico",
                "/not-configured.xhtml", "/error.xhtml", "/session-status", "/simulator/api/endpoints"}) {
            assertTrue(policy.ruleFor(path).isPublic(), path);
        }
    }

    @Test
    void protectedPathsAndTheirRoles() {
        AccessRule home = policy.ruleFor("/");
        assertEquals(Role.VIEWER, home.required("GET"));
        assertFalse(home.api());
        assertEquals(Role.VIEWER, policy.ruleFor("/index.xhtml").required("POST"));
        assertEquals(Role.VIEWER, policy.ruleFor("/signin.xhtmlx").required("GET"));

        AccessRule api = policy.ruleFor("/api/v1/containers");
        assertTrue(api.api());
        assertEquals(Role.VIEWER, api.required("GET"));
        assertEquals(Role.OPERATOR, api.required("POST"));
        assertEquals(Role.ADMIN, policy.ruleFor("/api/v1/environments/3").required("DELETE"));
        assertEquals(Role.VIEWER, policy.ruleFor("/api/v1/environments").required("GET"));

        AccessRule control = policy.ruleFor("/simulator/control/reset");
        assertTrue(control.api());
        assertEquals(Role.ADMIN, control.required("GET"));
        assertEquals(Role.ADMIN, policy.ruleFor("/settings.xhtml").required("GET"));
        assertNull(policy.ruleFor("/signin.xhtml").required("POST"));
    }

    @Test
    void timeoutCannotBeSwitchedOff() {
        assertEquals(60, SessionPolicy.effectiveMinutes(0));
        assertEquals(60, SessionPolicy.effectiveMinutes(-5));
        assertEquals(15, SessionPolicy.effectiveMinutes(15));
    }
}
