package io.fleetdashboard.mcp.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdashboard.assistant.control.FleetTools;
import io.fleetdashboard.auth.entity.Role;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class McpToolCatalogueTest {

    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());

    @Test
    void everyAssistantToolBecomesAnMcpToolWithItsSchema() {
        List<JsonObject> functions = FleetTools.definitions(Role.OPERATOR).stream()
                .map(d -> d.asJsonObject().getJsonObject("function")).toList();
        for (JsonObject function : functions) {
            McpSchema.Tool tool = McpToolCatalogue.tool(json, function);
            assertEquals(function.getString("name"), tool.name());
            assertTrue(tool.description().startsWith(function.getString("description")), tool.name());
            assertEquals("object", tool.inputSchema().get("type"), tool.name());
            assertEquals(function.getJsonObject("parameters").getJsonObject("properties").keySet(),
                    ((java.util.Map<?, ?>) tool.inputSchema().get("properties")).keySet(), tool.name());
            assertEquals(Boolean.TRUE, tool.annotations().readOnlyHint(), tool.name());
        }
        McpSchema.Tool details = McpToolCatalogue.tool(json, functions.stream()
                .filter(f -> f.getString("name").equals("container_details")).findFirst().orElseThrow());
        assertEquals(List.of("container"), details.inputSchema().get("required"));
        assertTrue(McpToolCatalogue.tool(json, functions.stream()
                .filter(f -> f.getString("name").equals("recent_logs")).findFirst().orElseThrow())
                .description().endsWith("For operator clients only."));
    }
}
