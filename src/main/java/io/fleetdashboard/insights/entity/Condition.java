package io.fleetdashboard.insights.entity;

import java.util.List;

/**
 * One condition a monitoring round saw: the input of the insight store, which keeps one open insight per key.
 *
 * @param key         stable across rounds while the condition lasts: kind + ":" + the subject's key
 * @param kind        e.g. crash_loop, endpoint_offline, posture_critical
 * @param resources   the keys of what it concerns (container "env:endpoint:id", endpoint "env:endpoint", environment)
 * @param recommended what an operator should do about it
 * @param value       a figure that may change while it lasts (restart count, percent), or null
 */
public record Condition(String key, String kind, InsightSeverity severity, InsightCategory category, String title,
                        String detail, List<String> resources, String recommended, Double value) {

    public Condition {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
