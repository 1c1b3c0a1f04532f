package io.fleetdashboard.assistant.entity;

import java.util.List;

/**
 * One look-up an answer is based on: what was asked (name and arguments, as JSON text), how many rows matched,
 * how many of them were used, and the rows used, each with a link.
 */
public record ToolCall(String name, String arguments, int matched, int used, List<Citation> rows) {

    public ToolCall {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
