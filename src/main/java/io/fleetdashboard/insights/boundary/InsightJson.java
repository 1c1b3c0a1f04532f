package io.fleetdashboard.insights.boundary;

import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightEvent;
import java.time.Instant;
import java.util.List;

/** The API's view of an insight: stable id, condition key, kind, severity, category, resources, first/last seen. */
public record InsightJson(long id, String condition, String kind, String severity, String category, String title,
                          String detail, List<String> resources, String recommendedAction, Double firstValue,
                          Double lastValue, String status, Instant firstSeen, Instant lastSeen, Instant resolvedAt,
                          int rounds, boolean simulated) {

    static InsightJson of(Insight i) {
        return new InsightJson(i.getId(), i.getConditionKey(), i.getKind(), i.getSeverity().apiName(),
                i.getCategory().apiName(), i.getTitle(), i.getDetail(), i.resourceList(), i.getRecommended(),
                i.getFirstValue(), i.getLastValue(), i.getStatus().apiName(), i.firstSeen(), i.lastSeen(),
                i.resolvedAt(), i.getRounds(), i.isSimulated());
    }

    /** One step of its history. */
    public record Event(Instant at, String change, String severity, String detail) {
        static Event of(InsightEvent e) {
            return new Event(e.at(), e.getChange().name().toLowerCase(java.util.Locale.ROOT),
                    e.getSeverity().apiName(), e.getDetail());
        }
    }
}
