package io.fleetdashboard.insights.entity;

/** CDI event, fired synchronously at the end of each monitoring round that reconciled the store. */
public record RoundFinished(RoundReport report) {
}
