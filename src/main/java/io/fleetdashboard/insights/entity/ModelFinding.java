package io.fleetdashboard.insights.entity;

import java.util.List;

/** One thing the language model pointed out in a round, limited to resources the round's data named. */
public record ModelFinding(InsightSeverity severity, InsightCategory category, String title, String description,
                           List<String> resources, String recommendedAction) {

    public ModelFinding {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    /** The resources, comma-separated, for pages. */
    public String resourcesText() {
        return String.join(", ", resources);
    }
}
