package io.fleetdashboard.portainer.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogQueryTest {

    @Test
    void tailIsANumberOrAll() {
        assertEquals("100", new LogQuery(true, false, 100, null, false).dockerTail());
        assertEquals("all", new LogQuery(true, false, null, null, false).dockerTail());
    }

    @Test
    void sinceIsUnixSecondsWithTheFraction() {
        assertNull(new LogQuery(true, true, 10, null, true).dockerSince());
        assertEquals("1700000000", new LogQuery(true, true, 10, Instant.ofEpochSecond(1_700_000_000), true)
                .dockerSince());
        assertEquals("1700000000.000000417", new LogQuery(true, true, 10,
                Instant.ofEpochSecond(1_700_000_000, 417), true).dockerSince());
    }

    @Test
    void theNextPollStartsJustAfterTheLastLine() {
        LogQuery next = new LogQuery(false, true, 500, null, true).after(Instant.ofEpochSecond(10, 999_999_999));
        assertEquals("11", next.dockerSince());
        assertNull(next.tail());
        assertEquals(false, next.stdout());
    }

    @Test
    void oneStreamAtLeast() {
        assertThrows(IllegalArgumentException.class, () -> new LogQuery(false, false, 10, null, false));
    }
}
