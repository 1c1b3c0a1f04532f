package io.fleetdashboard.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.entity.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleMappingTest {

    final RoleMapping mapping = new RoleMapping("groups", "fleet-admins", "fleet-ops, ops-edge:edge, ops-lab:lab",
            "staff");

    @Test
    void theStrongestGlobalRoleWins() {
        assertEquals(Role.ADMIN, mapping.map(List.of("staff", "fleet-admins")).everywhere());
        assertEquals(Role.OPERATOR, mapping.map(List.of("fleet-ops", "staff")).everywhere());
        assertEquals(Role.VIEWER, mapping.map(List.of("staff")).everywhere());
        assertEquals(Role.VIEWER, mapping.map("staff other").everywhere(), "a string claim is split");
    }

    @Test
    void noMatchingGroupMeansNoRole() {
        assertTrue(mapping.map(List.of("contractors")).refused());
        assertTrue(mapping.map(null).refused());
        assertTrue(mapping.map(42).refused());
        assertTrue(new RoleMapping("groups", null, null, null).map(List.of("anything")).refused());
    }

    @Test
    void anEnvironmentRoleAloneReadsEverywhereAndActsThereOnly() {
        RoleMapping.Mapped edge = mapping.map(List.of("ops-edge"));
        assertEquals(Role.VIEWER, edge.everywhere());
        assertEquals(Map.of("edge", Role.OPERATOR), edge.byEnvironment());
        assertEquals(Map.of("edge", Role.OPERATOR, "lab", Role.OPERATOR),
                mapping.map(List.of("ops-edge", "ops-lab", "staff")).byEnvironment());
    }

    @Test
    void anEnvironmentRoleNoStrongerThanTheGlobalOneIsDropped() {
        RoleMapping.Mapped admin = mapping.map(List.of("fleet-admins", "ops-edge"));
        assertEquals(Role.ADMIN, admin.everywhere());
        assertTrue(admin.byEnvironment().isEmpty());
    }

    @Test
    void scopesAndTheWellKnownUrlAreNormalised() {
        assertEquals("openid profile email", OidcSettings.normalisedScopes("profile,email openid profile"));
        assertEquals("openid", OidcSettings.normalisedScopes(""));
        assertEquals("https://idp/x/.well-known/openid-configuration", OidcSettings.wellKnown("https://idp/x/"));
    }
}
