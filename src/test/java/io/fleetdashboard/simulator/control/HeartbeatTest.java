package io.fleetdashboard.simulator.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeartbeatTest {

    @Test
    void onlineUpToTwiceTheIntervalPlusTwentySeconds() {
        long now = 1_800_000_000L;
        for (int interval : new int[] {5, 10, 60}) {
            assertTrue(Heartbeat.alive(now, now - (interval * 2L + 20), interval), "at 2i+20 for " + interval);
            assertFalse(Heartbeat.alive(now, now - (interval * 2L + 21), interval), "at 2i+21 for " + interval);
        }
    }

    @Test
    void neverCheckedInIsOffline() {
        assertFalse(Heartbeat.alive(1_800_000_000L, 0, 5));
    }

    @Test
    void defaultsFollowPortainer() {
        assertEquals(5, Heartbeat.interval(false, 0));
        assertEquals(10, Heartbeat.interval(false, 10));
        assertEquals(60, Heartbeat.interval(true, 0));
    }
}
