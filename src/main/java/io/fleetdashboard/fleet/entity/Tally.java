package io.fleetdashboard.fleet.entity;

/** A label and how many of something it has: one bar, slice or cell of a chart. */
public record Tally(String label, long count) {
}
