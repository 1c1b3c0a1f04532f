package io.fleetdashboard.simulator.entity;

/** One POST the webhook sink received: when (epoch millis), to which path, its body and what the sink answered. */
public record ReceivedWebhook(long at, String path, String contentType, String body, int answered) {
}
