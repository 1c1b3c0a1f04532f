package io.fleetdashboard.mcp.control;

import io.fleetdashboard.assistant.control.FleetTools;
import io.fleetdashboard.assistant.entity.ToolRequest;
import io.fleetdashboard.auth.entity.Role;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.mcp.entity.McpCaller;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;

/**
 * The assistant's read-only tools (FleetTools: their definitions, bounds and secret scrubbing) as MCP tools. The
 * catalogue lists every tool; a call runs FleetTools with the calling client's role (recent_logs refuses a viewer
 * client, as it refuses a viewer in the assistant) on a managed thread, within CALL_DEADLINE, and answers FleetTools'
 * bounded text. A refused or failed call is an MCP tool error (isError), never a protocol error.
 */
@ApplicationScoped
public class McpToolCatalogue {

    private static final Logger LOG = Logger.getLogger(McpToolCatalogue.class.getName());
    /** A call waits this long at most (container details and logs ask Portainer, with their own shorter deadlines). */
    static final Duration CALL_DEADLINE = Duration.ofSeconds(20);

    @Inject
    FleetTools tools;

    @Inject
    Snapshots snapshots;

    @Resource
    ManagedExecutorService executor;

    /** Every tool (the operator's set, which includes the viewer's), as MCP tool specifications. */
    public List<AsyncToolSpecification> specifications(McpJsonMapper json) {
        return FleetTools.definitions(Role.OPERATOR).stream()
                .map(definition -> tool(json, definition.asJsonObject().getJsonObject("function")))
                .map(tool -> AsyncToolSpecification.builder().tool(tool)
                        .callHandler((exchange, request) -> call(json, tool.name(), request.arguments(),
                                (McpCaller) exchange.transportContext().get(McpCaller.ATTRIBUTE)))
                        .build())
                .toList();
    }

    /** One chat-completions function definition as an MCP tool: same name, description and JSON Schema. */
    static McpSchema.Tool tool(McpJsonMapper json, JsonObject function) {
        String name = function.getString("name");
        String description = function.getString("description", "");
        if (name.equals("recent_logs")) {
            description += " For operator clients only.";
        }
        JsonObject parameters = function.getJsonObject("parameters");
        return McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(json, (parameters == null ? JsonValue.EMPTY_JSON_OBJECT : parameters).toString())
                .annotations(new McpSchema.ToolAnnotations(null, true, false, true, false, null))
                .build();
    }

    Mono<McpSchema.CallToolResult> call(McpJsonMapper json, String name, Map<String, Object> arguments,
                                        McpCaller caller) {
        if (caller == null) {
            // AccessFilter lets no unauthenticated request through; this only guards a wiring mistake.
            return Mono.just(error("Not authenticated."));
        }
        String argumentsJson;
        try {
            argumentsJson = json.writeValueAsString(arguments == null ? Map.of() : arguments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<McpSchema.CallToolResult> run = executor.supplyAsync(() -> {
            FleetTools.Context context = new FleetTools.Context(snapshots.ifPresent().orElse(null), caller.role(),
                    caller.username(), null);
            FleetTools.Result result = tools.run(new ToolRequest(null, name, argumentsJson), context,
                    FleetTools.MAX_RESULT_TOKENS);
            return McpSchema.CallToolResult.builder().addTextContent(result.content())
                    .isError(result.content().startsWith("<tool-error")).build();
        });
        return Mono.fromFuture(run)
                .timeout(CALL_DEADLINE, Mono.fromSupplier(() -> {
                    run.cancel(true);
                    return error("The tool did not answer within " + CALL_DEADLINE.toSeconds() + " s; try again.");
                }))
                .onErrorResume(e -> !(e instanceof TimeoutException), e -> {
                    LOG.log(Level.WARNING, "MCP tool " + name + " failed for client " + caller.name(), e);
                    return Mono.just(error("The tool failed: " + e.getClass().getSimpleName()
                            + ". The server log has the details."));
                });
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }
}
