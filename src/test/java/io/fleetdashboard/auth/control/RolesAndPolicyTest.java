package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.entity.AccessRule;
import io.fleetdashboard.auth.entity.Need;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.auth.entity.SignInMethod;
import io.fleetdashboard.auth.entity.SignedInUser;
import java.util.Map;
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
    void needsAllowOnlyWhatTheySay() {
        assertTrue(Need.ANYONE.allows(null));
        assertFalse(Need.NOBODY.allows(Role.ADMIN));
        assertFalse(Need.VIEWER.allows(null));
        assertTrue(Need.VIEWER.allows(Role.VIEWER));
        assertFalse(Need.OPERATOR.allows(Role.VIEWER));
        assertTrue(Need.OPERATOR.allows(Role.ADMIN));
    }

    @Test
    void onlyTheExactPublicResourcesArePublic() {
        for (String path : new String[] {"/signin.xhtml", "/jakarta.faces.resource/theme.css.xhtml", "/favicon.ico",
                "/not-configured.xhtml", "/error.xhtml", "/session-status"}) {
            assertEquals(Need.ANYONE, policy.ruleFor(path).need("GET"), path);
        }
        for (String path : new String[] {"/signin.xhtml/x", "/signin.xhtmlx", "/favicon.icox", "/session-status/x",
                "/simulator/api/endpoints", "/simulator/control/truth", "/jakarta.faces.resourcex/a", "/index.xhtml",
                "/", "/anything"}) {
            assertTrue(policy.ruleFor(path).need("GET") != Need.ANYONE, path);
        }
    }

    @Test
    void publicResourcesCanOnlyBeReadExceptTheSignInForm() {
        assertEquals(Need.ANYONE, policy.ruleFor("/signin.xhtml").need("POST"));
        for (String path : new String[] {"/jakarta.faces.resource/x.js.xhtml", "/favicon.ico", "/error.xhtml",
                "/session-status", "/not-configured.xhtml"}) {
            assertEquals(Need.NOBODY, policy.ruleFor(path).need("POST"), path);
        }
    }

    @Test
    void protectedPathsAndTheirRoles() {
        AccessRule home = policy.ruleFor("/");
        assertEquals(Need.VIEWER, home.need("GET"));
        assertFalse(home.api());
        assertEquals(Need.VIEWER, policy.ruleFor("/index.xhtml").need("POST"));

        AccessRule api = policy.ruleFor("/api/v1/containers");
        assertTrue(api.api());
        assertEquals(Need.VIEWER, api.need("GET"));
        assertEquals(Need.VIEWER, api.need("HEAD"));
        assertEquals(Need.OPERATOR, api.need("POST"));
        assertEquals(Need.OPERATOR, api.need("PATCH"));
        assertEquals(Need.ADMIN, policy.ruleFor("/api/v1/environments/3").need("DELETE"));
        assertEquals(Need.VIEWER, policy.ruleFor("/api/v1/environments").need("GET"));
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/environmentsx").need("POST"));
        assertEquals(Need.ADMIN, policy.ruleFor("/api/v1/metrics/admin/samples").need("POST"));
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/metrics/collect").need("POST"));

        AccessRule control = policy.ruleFor("/simulator/control/reset");
        assertTrue(control.api());
        assertEquals(Need.ADMIN, control.need("GET"));
        assertEquals(Need.ADMIN, policy.ruleFor("/simulator/control").need("GET"));
        assertEquals(Need.ADMIN, policy.ruleFor("/settings.xhtml").need("GET"));
    }

    @Test
    void containerLogsNeedAnOperatorWhileTheContainerItselfIsForViewers() {
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/containers/prod:3:0123456789ab/logs").need("GET"));
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/containers/prod:3:0123456789ab/logs/x").need("GET"));
        assertEquals(Need.VIEWER, policy.ruleFor("/api/v1/containers/prod:3:0123456789ab").need("GET"));
        assertEquals(Need.VIEWER, policy.ruleFor("/api/v1/containers/prod:3:0123456789ab/logsx").need("GET"));
        assertEquals(Need.VIEWER, policy.ruleFor("/api/v1/containers//logs").need("GET"), "an empty segment is no key");
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/logs").need("GET"));
        assertEquals(Need.OPERATOR, policy.ruleFor("/logs.xhtml").need("GET"));
        assertTrue(policy.ruleFor("/api/v1/containers/a:1:b/logs").api());
    }

    @Test
    void onlyRoutesThatNameTheirContainersAcceptARoleHeldInOneEnvironment() {
        for (String path : new String[] {"/api/v1/containers/prod:3:0123456789ab/stop",
                "/api/v1/containers/actions/stop", "/api/v1/containers/prod:3:0123456789ab/logs",
                "/api/v1/containers/prod:3:0123456789ab/logs/follow", "/api/v1/logs", "/logs.xhtml"}) {
            assertTrue(policy.ruleFor(path).perEnvironment(), path);
        }
        for (String path : new String[] {"/api/v1/refresh", "/api/v1/logs/search", "/api/v1/remediation/actions/1",
                "/api/v1/insights/analyze", "/api/v1/alerts/acks/3", "/workloads.xhtml", "/api/v1/environments"}) {
            assertFalse(policy.ruleFor(path).perEnvironment(), path);
        }
        assertEquals(Need.OPERATOR, policy.ruleFor("/api/v1/logs/search").need("GET"));
    }

    @Test
    void anEnvironmentRoleIsStrongerThereOnly() {
        SignedInUser edge = new SignedInUser("edge", Role.VIEWER, false, 60, 0, SignInMethod.SSO, null, null,
                Map.of("edge", Role.OPERATOR), null);
        assertEquals(Role.OPERATOR, edge.roleIn("edge"));
        assertEquals(Role.VIEWER, edge.roleIn("prod"));
        assertEquals(Role.VIEWER, edge.roleIn(null));
        assertEquals(Role.OPERATOR, edge.strongestRole());
        SignedInUser admin = new SignedInUser("root", Role.ADMIN, false, 60, 0, SignInMethod.SSO, null, null,
                Map.of("edge", Role.OPERATOR), null);
        assertEquals(Role.ADMIN, admin.roleIn("edge"), "a weaker environment role never lowers the global one");
    }

    @Test
    void timeoutCannotBeSwitchedOff() {
        assertEquals(60, SessionPolicy.effectiveMinutes(0));
        assertEquals(60, SessionPolicy.effectiveMinutes(-5));
        assertEquals(15, SessionPolicy.effectiveMinutes(15));
    }
}
