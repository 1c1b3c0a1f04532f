package io.fleetdashboard.insights.entity;

/** Filter of the insight list; null parts match everything. {@code text} is a substring of title or resources. */
public record InsightFilter(InsightStatus status, InsightSeverity severity, InsightCategory category, String kind,
                            String text) {

    public static final InsightFilter OPEN = new InsightFilter(InsightStatus.OPEN, null, null, null, null);
}
