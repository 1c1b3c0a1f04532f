package io.fleetdashboard.assistant.entity;

/** A row an answer used, with where to see it (a path inside the dashboard, or null). */
public record Citation(String label, String href) {
}
