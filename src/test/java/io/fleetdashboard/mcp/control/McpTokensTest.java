package io.fleetdashboard.mcp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.auth.entity.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class McpTokensTest {

    @Test
    void generatedTokensHaveTheShapeAndDiffer() {
        String a = McpTokens.generate();
        String b = McpTokens.generate();
        assertTrue(McpTokens.wellFormed(a), a);
        assertTrue(a.startsWith("fdmcp_"));
        assertEquals(6 + 43, a.length());
        assertNotEquals(a, b);
    }

    @Test
    void hashIsHexSha256OfTheWholeToken() {
        // SHA-256("abc"), the FIPS 180-2 test vector.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", McpTokens.hash("abc"));
        String token = McpTokens.generate();
        assertEquals(McpTokens.hash(token), McpTokens.hash(token));
        assertNotEquals(McpTokens.hash(token), McpTokens.hash(token.substring(0, token.length() - 1) + "x"));
        assertFalse(McpTokens.hash(token).contains(token.substring(6)));
    }

    @Test
    void bearerHeaderIsParsedStrictly() {
        String token = McpTokens.generate();
        assertEquals(Optional.of(token), McpTokens.fromAuthorization("Bearer " + token));
        assertEquals(Optional.of(token), McpTokens.fromAuthorization("bearer  " + token + " "));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization(null));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization("Basic " + token));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization("Bearer"));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization("Bearer abc"));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization("Bearer " + token + "x"));
        assertEquals(Optional.empty(), McpTokens.fromAuthorization("Bearer " + token.replace("fdmcp_", "other_")));
    }

    @Test
    void rolesAreViewerOrOperatorOnly() {
        assertEquals(Role.VIEWER, McpClients.role("viewer"));
        assertEquals(Role.OPERATOR, McpClients.role(" Operator "));
        assertThrows(BadRequestException.class, () -> McpClients.role("admin"));
        assertThrows(BadRequestException.class, () -> McpClients.role(""));
        assertThrows(BadRequestException.class, () -> McpClients.role(null));
    }

    @Test
    void namesAreShortAndPrintable() {
        assertEquals("claude desktop", McpClients.name("  claude desktop "));
        assertThrows(BadRequestException.class, () -> McpClients.name(" "));
        assertThrows(BadRequestException.class, () -> McpClients.name(null));
        assertThrows(BadRequestException.class, () -> McpClients.name("a\nb"));
        assertThrows(BadRequestException.class, () -> McpClients.name("x".repeat(65)));
        assertEquals("x".repeat(64), McpClients.name("x".repeat(64)));
    }
}
