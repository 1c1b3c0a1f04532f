package io.fleetdashboard.assistant.entity;

/** A tool call a model asked for: the call's id, the tool's name and its arguments as the model wrote them (JSON). */
public record ToolRequest(String id, String name, String arguments) {
}
