package io.fleetdashboard.mcp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.entity.Need;
import io.fleetdashboard.auth.entity.Role;
import org.junit.jupiter.api.Test;

/** /mcp needs an MCP client's token for every method, which no signed-in role satisfies; its admin parts are admins'. */
class McpAccessRuleTest {

    private final AccessPolicy policy = new AccessPolicy();

    @Test
    void theMcpServerNeedsAClientTokenNeverAUser() {
        for (String method : new String[] {"GET", "POST", "DELETE"}) {
            assertEquals(Need.MCP_CLIENT, policy.ruleFor("/mcp").need(method), method);
        }
        assertTrue(policy.ruleFor("/mcp").api());
        for (Role role : Role.values()) {
            assertFalse(Need.MCP_CLIENT.allows(role), role.name());
        }
        assertFalse(Need.MCP_CLIENT.allows(null));
        assertNull(policy.writeRole("/mcp"));
        // Only the exact path: nothing below it is the MCP server.
        assertEquals(Need.VIEWER, policy.ruleFor("/mcp/other").need("GET"));
    }

    @Test
    void clientsAreManagedByAdmins() {
        assertEquals(Need.ADMIN, policy.ruleFor("/api/v1/mcp/clients").need("GET"));
        assertEquals(Need.ADMIN, policy.ruleFor("/api/v1/mcp/clients/3/revoke").need("POST"));
        assertEquals(Need.ADMIN, policy.ruleFor("/mcp.xhtml").need("GET"));
        assertEquals(Need.ADMIN, policy.ruleFor("/mcp.xhtml").need("POST"));
    }
}
