package io.fleetdashboard.logs.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.logs.entity.LogsUnavailableException;
import org.junit.jupiter.api.Test;

class LogStreamPermitsTest {

    @Test
    void perUserAndTotalLimitsAndEveryPermitComesBackOnce() {
        LogStreamPermits permits = new LogStreamPermits();
        permits.maxPerUser = 2;
        permits.maxTotal = 3;
        LogStreamPermits.Permit a1 = permits.acquire("alice");
        permits.acquire("alice");
        LogsUnavailableException mine = assertThrows(LogsUnavailableException.class, () -> permits.acquire("alice"));
        assertEquals(LogsUnavailableException.Reason.TOO_MANY, mine.reason());
        assertTrue(mine.getMessage().contains("LOGS_STREAMS_MAX_PER_USER"));
        permits.acquire("bob");
        LogsUnavailableException all = assertThrows(LogsUnavailableException.class, () -> permits.acquire("carol"));
        assertTrue(all.getMessage().contains("LOGS_STREAMS_MAX_TOTAL"));
        assertEquals(3, permits.open());
        a1.close();
        a1.close();
        assertEquals(2, permits.open());
        assertEquals(1, permits.open("alice"));
        permits.acquire("carol");
        assertEquals(3, permits.open());
    }
}
