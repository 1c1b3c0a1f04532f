package io.fleetdashboard.logs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTextTest {

    private static final Instant T = Instant.parse("2026-12-02T10:00:00.123456789Z");

    @Test
    void timestampContainerAndStreamMarkerInFront() {
        assertEquals("2026-12-02T10:00:00.123456789Z [web-1] [stderr] boom",
                LogText.format(new LogLine("web-1", LogChannel.STDERR, T, "boom", false), true));
        assertEquals("ok", LogText.format(new LogLine(null, LogChannel.STDOUT, T, "ok", false), false));
        assertEquals("[docker] gone", LogText.format(new LogLine(null, LogChannel.SYSTEM, null, "gone", false), true));
    }

    @Test
    void terminalEscapesAndNulNeverPassThrough() {
        assertEquals("\uFFFD[31mred\uFFFD", LogText.format(new LogLine(null, LogChannel.STDOUT, null,
                "\u001B[31mred\u0000", false), false));
    }
}
