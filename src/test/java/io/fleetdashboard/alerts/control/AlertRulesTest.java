package io.fleetdashboard.alerts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.alerts.entity.DeliveryEvent;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aChannelTakesItsSeverityAndWorseInItsCategoriesAndKinds() {
        assertTrue(AlertRules.matches(InsightSeverity.WARNING, List.of(), List.of(), InsightSeverity.CRITICAL,
                InsightCategory.SECURITY, "posture_critical"));
        assertTrue(AlertRules.matches(InsightSeverity.WARNING, List.of(), List.of(), InsightSeverity.WARNING,
                InsightCategory.SECURITY, "x"));
        assertFalse(AlertRules.matches(InsightSeverity.WARNING, List.of(), List.of(), InsightSeverity.INFO,
                InsightCategory.SECURITY, "x"));
        assertFalse(AlertRules.matches(InsightSeverity.INFO, List.of(InsightCategory.AVAILABILITY), List.of(),
                InsightSeverity.CRITICAL, InsightCategory.SECURITY, "x"));
        assertTrue(AlertRules.matches(InsightSeverity.INFO, List.of(InsightCategory.AVAILABILITY,
                InsightCategory.SECURITY), List.of(), InsightSeverity.CRITICAL, InsightCategory.SECURITY, "x"));
        assertFalse(AlertRules.matches(InsightSeverity.INFO, List.of(), List.of("crash_loop"),
                InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY, "oom_killed"));
        assertTrue(AlertRules.matches(InsightSeverity.INFO, List.of(), List.of("crash_loop"),
                InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY, "crash_loop"));
    }

    @Test
    void aLanguageModelsFindingGoesOnlyToAChannelThatNamesItsKind() {
        assertFalse(AlertRules.matches(InsightSeverity.INFO, List.of(), List.of(), InsightSeverity.CRITICAL,
                InsightCategory.AVAILABILITY, "model_finding"), "a channel of every kind does not take it");
        assertTrue(AlertRules.matches(InsightSeverity.INFO, List.of(), List.of("model_finding"),
                InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY, "model_finding"));
    }

    @Test
    void firstNoticeThenOnlyAfterTheIntervalAndNeverWhenAcknowledged() {
        assertEquals(Optional.of(DeliveryEvent.FIRING), AlertRules.due(null, false, 60, NOW));
        assertEquals(Optional.empty(), AlertRules.due(NOW.minusSeconds(59), false, 60, NOW));
        assertEquals(Optional.of(DeliveryEvent.REPEAT), AlertRules.due(NOW.minusSeconds(60), false, 60, NOW));
        assertEquals(Optional.empty(), AlertRules.due(NOW.minusSeconds(86400), false, 0, NOW), "0: never again");
        assertEquals(Optional.empty(), AlertRules.due(NOW.minusSeconds(600), true, 60, NOW));
        assertEquals(Optional.empty(), AlertRules.due(null, true, 60, NOW), "acknowledged before the first one");
    }

    @Test
    void backoffDoublesFromTheBaseUpToTheCeiling() {
        Duration base = Duration.ofSeconds(2);
        Duration max = Duration.ofSeconds(30);
        assertEquals(Duration.ofSeconds(2), AlertRules.backoff(2, base, max));
        assertEquals(Duration.ofSeconds(4), AlertRules.backoff(3, base, max));
        assertEquals(Duration.ofSeconds(8), AlertRules.backoff(4, base, max));
        assertEquals(Duration.ofSeconds(16), AlertRules.backoff(5, base, max));
        assertEquals(max, AlertRules.backoff(6, base, max));
        assertEquals(max, AlertRules.backoff(500, base, max), "no overflow");
    }
}
