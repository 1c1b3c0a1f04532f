package io.fleetdashboard.alerts.control;

import io.fleetdashboard.insights.control.InsightRules;
import io.fleetdashboard.alerts.entity.AlertChannel;
import io.fleetdashboard.alerts.entity.DeliveryEvent;
import io.fleetdashboard.insights.entity.Insight;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which insights a channel takes and when they are due: the first notice when the pair was never notified, again
 * once the re-notify interval passed since the last one (never with interval 0), and never for an acknowledged
 * insight. Retries back off exponentially from a base delay up to a ceiling.
 */
public final class AlertRules {

    private AlertRules() {
    }

    public static boolean matches(AlertChannel channel, Insight insight) {
        return matches(channel.getMinSeverity(), channel.categoryList(), channel.kindList(), insight.getSeverity(),
                insight.getCategory(), insight.getKind());
    }

    /**
     * At least {@code min} (CRITICAL is the worst), in one of the categories and kinds (empty lists: any). A language
     * model's finding (kind model_finding) goes only to a channel that names that kind: a guess pages nobody unasked.
     */
    static boolean matches(InsightSeverity min, List<InsightCategory> categories, List<String> kinds,
                           InsightSeverity severity, InsightCategory category, String kind) {
        if (InsightRules.MODEL_FINDING.equals(kind) && !kinds.contains(kind)) {
            return false;
        }
        return severity.ordinal() <= min.ordinal() && (categories.isEmpty() || categories.contains(category))
                && (kinds.isEmpty() || kinds.contains(kind));
    }

    /**
     * What is due for an open insight on a channel: FIRING when never sent ({@code lastSent} null), REPEAT once
     * {@code renotifySeconds} passed since the last send, nothing when acknowledged or not due yet.
     */
    public static Optional<DeliveryEvent> due(Instant lastSent, boolean acknowledged, long renotifySeconds,
                                              Instant now) {
        if (acknowledged) {
            return Optional.empty();
        }
        if (lastSent == null) {
            return Optional.of(DeliveryEvent.FIRING);
        }
        if (renotifySeconds <= 0 || now.isBefore(lastSent.plusSeconds(renotifySeconds))) {
            return Optional.empty();
        }
        return Optional.of(DeliveryEvent.REPEAT);
    }

    /** The pause before attempt {@code next} (2, 3, ...): base, 2 × base, 4 × base, ... at most {@code max}. */
    public static Duration backoff(int next, Duration base, Duration max) {
        int doublings = Math.min(30, Math.max(0, next - 2));
        long millis = base.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }
}
