package io.fleetdashboard.backups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BackupIntervalTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({"24h, 86400", "1d, 86400", "90m, 5400", "1w, 604800", "1d12h, 129600", "PT6H, 21600", "24, 86400",
            "' 6H ', 21600", "off, 0", "0, 0", "none, 0", "'', 0"})
    void intervals(String text, long seconds) {
        assertEquals(Duration.ofSeconds(seconds), BackupInterval.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"often", "6 hours", "-1h", "1y", "PTX", "12h;rm"})
    void nonsenseIsRefusedWithTheFormats(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackupInterval.parse(text));
        assertTrue(e.getMessage().contains("6h"), e.getMessage());
    }

    @Test
    void tooOftenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> BackupInterval.parse("30s"));
        assertEquals(Duration.ofMinutes(5), BackupInterval.parse("5m"));
    }

    @Test
    void aBackupIsDueOnceTheIntervalHasPassedSinceTheLastOne() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        long hour = 3600;
        assertTrue(Backups.due(now.minusSeconds(hour).toEpochMilli(), hour, now));
        assertFalse(Backups.due(now.minusSeconds(hour - 1).toEpochMilli(), hour, now));
        assertTrue(Backups.due(0, hour, now), "never backed up");
        assertFalse(Backups.due(0, 0, now), "no schedule");
    }
}
