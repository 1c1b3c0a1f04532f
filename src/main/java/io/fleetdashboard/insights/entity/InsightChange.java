package io.fleetdashboard.insights.entity;

/** One step in an insight's history. */
public enum InsightChange {
    OPENED, UPDATED, RESOLVED
}
