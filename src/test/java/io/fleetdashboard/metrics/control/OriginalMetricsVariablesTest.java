package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginalMetricsVariablesTest {

    @Test
    void theOriginalsNamesAreReadAsOursBelowOurOwnVariables() {
        var source = new OriginalMetricsVariables(Map.of("MONITORING_METRICS_RETENTION_HOURS", "24",
                "MONITORING_METRICS_MOVING_AVERAGE_WINDOW", "12", "MONITORING_METRICS_SQLITE_PATH", "/x.db",
                "PATH", "/usr/bin"));
        assertEquals("24", source.getValue("metrics.retention.hours"));
        assertEquals("12", source.getValue("metrics.window"));
        assertNull(source.getValue("metrics.enabled"), "only what is set");
        assertEquals(2, source.getPropertyNames().size(), "ignored and unrelated variables give nothing");
        assertTrue(source.getOrdinal() < 300, "environment variables (ordinal 300), i.e. ours, win");
        assertTrue(source.getOrdinal() > 100, "above microprofile-config.properties' defaults");
    }
}
