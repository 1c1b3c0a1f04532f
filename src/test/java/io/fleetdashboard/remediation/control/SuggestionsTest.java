package io.fleetdashboard.remediation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.insights.control.InsightRules;
import io.fleetdashboard.portainer.entity.ContainerAction;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void containerTroubleSuggestsRestartOrStartAHostTakeoverAStopAndTheRestNothing() {
        assertEquals(ContainerAction.RESTART, Suggestions.of(InsightRules.CRASH_LOOP).orElseThrow().action());
        assertEquals(ContainerAction.RESTART, Suggestions.of(InsightRules.UNHEALTHY).orElseThrow().action());
        assertEquals(ContainerAction.RESTART, Suggestions.of(InsightRules.MEMORY_SATURATION).orElseThrow().action());
        assertEquals(ContainerAction.START, Suggestions.of(InsightRules.EXITED_NON_ZERO).orElseThrow().action());
        assertEquals(ContainerAction.START, Suggestions.of(InsightRules.OOM_KILLED).orElseThrow().action());
        assertEquals(ContainerAction.STOP, Suggestions.of(InsightRules.POSTURE_CRITICAL).orElseThrow().action());
        assertTrue(Suggestions.of(InsightRules.ENDPOINT_OFFLINE).isEmpty(), "not a container");
        assertTrue(Suggestions.of(InsightRules.METRIC_ANOMALY).isEmpty(), "nothing to do without a cause");
        assertTrue(Suggestions.of("whatever").isEmpty());
    }
}
