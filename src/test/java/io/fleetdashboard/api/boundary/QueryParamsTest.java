package io.fleetdashboard.api.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    enum Colour { RED, DARK_BLUE }

    @Test
    void wholeNumbersWithinTheirRange() {
        assertEquals(100, QueryParams.intParam("limit", null, 100, 1, 1000));
        assertEquals(100, QueryParams.intParam("limit", "  ", 100, 1, 1000));
        assertEquals(7, QueryParams.intParam("limit", " 7 ", 100, 1, 1000));
        assertEquals(7, QueryParams.intParam("limit", "+7", 100, 1, 1000));
        assertEquals(1000, QueryParams.intParam("limit", "1000", 100, 1, 1000));
        assertEquals(-5, QueryParams.longParam("delta", "-5", 0, -10, 10));
    }

    @Test
    void badWholeNumbersNameTheParameterAndTheRange() {
        for (String bad : new String[] {"abc", "1.5", "1e3", "0x10", "12abc", "--1", "0", "1001", "-1",
                "2147483648", "99999999999999999999", "-99999999999999999999999999999"}) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> QueryParams.intParam("limit", bad, 100, 1, 1000), bad);
            assertTrue(e.getMessage().startsWith("limit must be"), e.getMessage());
            assertTrue(e.getMessage().contains("1000"), e.getMessage());
            assertFalse(bad.length() > 4 && e.getMessage().contains(bad), "the value is not echoed: " + e.getMessage());
        }
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertNull(QueryParams.booleanParam("dangling", null, null));
        assertEquals(Boolean.TRUE, QueryParams.booleanParam("dangling", "TRUE", null));
        assertEquals(Boolean.FALSE, QueryParams.booleanParam("dangling", "false", null));
        assertThrows(BadRequestException.class, () -> QueryParams.booleanParam("dangling", "maybe", null));
        assertThrows(BadRequestException.class, () -> QueryParams.booleanParam("dangling", "1", null));
    }

    @Test
    void enumsAndChoicesAreCaseInsensitiveAndListWhatIsAllowed() {
        assertEquals(Colour.DARK_BLUE, QueryParams.enumParam("colour", "Dark_Blue", Colour.class, null));
        assertEquals(Colour.RED, QueryParams.enumParam("colour", "", Colour.class, Colour.RED));
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> QueryParams.enumParam("colour", "green", Colour.class, null));
        assertEquals("colour must be one of: red, dark_blue.", e.getMessage());
        Map<String, Integer> sorts = new LinkedHashMap<>();
        sorts.put("name", 1);
        sorts.put("size", 2);
        assertEquals(2, QueryParams.choice("sort", "SIZE", sorts, 1));
        assertEquals(1, QueryParams.choice("sort", null, sorts, 1));
        assertEquals("sort must be one of: name, size.",
                assertThrows(BadRequestException.class, () -> QueryParams.choice("sort", "x", sorts, 1)).getMessage());
        assertEquals("desc", QueryParams.word("order", "DESC", "asc", "asc", "desc"));
        assertThrows(BadRequestException.class, () -> QueryParams.word("order", "up", "asc", "asc", "desc"));
    }

    @Test
    void instantsAsIsoEpochMillisOrAge() {
        assertNull(QueryParams.instant("from", " ", NOW));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), QueryParams.instant("from", "2026-12-01T10:00:00Z", NOW));
        assertEquals(Instant.ofEpochMilli(1_764_000_000_000L), QueryParams.instant("from", "1764000000000", NOW));
        assertEquals(NOW.minus(Duration.ofHours(1)), QueryParams.instant("from", "1H", NOW));
        assertEquals(NOW.minus(Duration.ofDays(7)), QueryParams.instant("from", "7d", NOW));
        assertEquals(NOW.minus(Duration.ofSeconds(90)), QueryParams.instant("from", "90s", NOW));
        assertEquals(NOW.plus(Duration.ofHours(23)), QueryParams.instant("to", NOW.plus(Duration.ofHours(23)).toString(), NOW));
    }

    @Test
    void badFarPastAndFutureInstantsAreRefused() {
        for (String bad : new String[] {"yesterday", "2026-13-01T00:00:00Z", "-5", "1h30m", "999999999999999d",
                "999999999d", "0", "1000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "3026-01-01T00:00:00Z",
                "9999999999999", "99999999999999999999", "1e12"}) {
            BadRequestException e = assertThrows(BadRequestException.class,
                    () -> QueryParams.instant("from", bad, NOW), bad);
            assertTrue(e.getMessage().startsWith("from must be an ISO-8601 instant"), e.getMessage());
        }
        assertThrows(BadRequestException.class,
                () -> QueryParams.instant("to", NOW.plus(Duration.ofHours(25)).toString(), NOW));
        assertThrows(BadRequestException.class,
                () -> QueryParams.instant("from", NOW.minus(QueryParams.FARTHEST_PAST).minusSeconds(1).toString(), NOW));
    }
}
