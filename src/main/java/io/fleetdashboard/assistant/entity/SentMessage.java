package io.fleetdashboard.assistant.entity;

/** A message exactly as it was (or, for a rules answer, would have been) sent: its role and its content. */
public record SentMessage(String role, String content) {
}
