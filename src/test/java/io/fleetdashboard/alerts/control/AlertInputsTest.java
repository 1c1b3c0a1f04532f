package io.fleetdashboard.alerts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.alerts.entity.ChannelKind;
import io.fleetdashboard.alerts.entity.ChannelSettings;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertInputsTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void aWebhookChannelWithItsRule() {
        ChannelSettings s = AlertInputs.channel("{\"name\":\" ops \",\"kind\":\"Slack\",\"url\":"
                + "\"https://hooks.slack.com/services/T/B/secret\",\"minSeverity\":\"critical\",\"categories\":"
                + "\"security, availability\",\"kinds\":[\"crash_loop\",\"crash_loop\"],\"renotifySeconds\":600,"
                + "\"notifyResolved\":true}", true);
        assertEquals("ops", s.name());
        assertEquals(ChannelKind.SLACK, s.kind());
        assertEquals(InsightSeverity.CRITICAL, s.minSeverity());
        assertEquals(List.of(InsightCategory.SECURITY, InsightCategory.AVAILABILITY), s.categories());
        assertEquals(List.of("crash_loop"), s.kinds());
        assertEquals(600, s.renotifySeconds());
        assertTrue(s.notifyResolved());
        assertTrue(s.enabled());
        assertEquals("https://hooks.slack.com/services/T/B/secret", s.secret());
    }

    @Test
    void anUpdateMayLeaveTheUrlOutButANewChannelMayNot() {
        String body = "{\"name\":\"ops\",\"kind\":\"webhook\"}";
        assertNull(AlertInputs.channel(body, false).secret());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AlertInputs.channel(body,
                true));
        assertTrue(e.getMessage().startsWith("url"), e.getMessage());
    }

    @Test
    void anEmailChannel() {
        ChannelSettings s = AlertInputs.channel("{\"name\":\"mail\",\"kind\":\"email\",\"smtp\":{\"host\":"
                + "\"smtp.example.com\",\"port\":587,\"username\":\"u\",\"password\":\"p\",\"starttls\":true},"
                + "\"from\":\"fleet@example.com\",\"to\":\"a@example.com, b@example.com\"}", true);
        assertEquals("smtp.example.com", s.smtpHost());
        assertEquals(587, s.smtpPort());
        assertTrue(s.smtpStarttls());
        assertEquals("p", s.secret());
        assertEquals(List.of("a@example.com", "b@example.com"), s.mailTo());
    }

    @Test
    void badInputNamesTheFieldAndNeverEchoesTheSecret() {
        for (String[] bad : new String[][] {
                {"{\"kind\":\"webhook\",\"url\":\"https://h/x\"}", "name"},
                {"{\"name\":\"a\",\"kind\":\"pager\",\"url\":\"https://h/x\"}", "kind"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"ftp://h/SECRET\"}", "url"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"https://user:SECRET@h/x\"}", "url"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"https://h/x\",\"renotifySeconds\":2.5}",
                    "renotifySeconds"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"https://h/x\",\"renotifySeconds\":99999999999}",
                    "renotifySeconds"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"https://h/x\",\"kinds\":[\"DROP TABLE\"]}", "kinds"},
                {"{\"name\":\"a\",\"kind\":\"webhook\",\"url\":\"https://h/x\",\"enabled\":\"yes\"}", "enabled"},
                {"{\"name\":\"a\",\"kind\":\"email\",\"smtp\":{\"host\":\"h\",\"port\":70000},\"from\":\"a@b.c\","
                        + "\"to\":\"d@e.f\"}", "smtp.port"},
                {"{\"name\":\"a\",\"kind\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@b.c\",\"to\":"
                        + "\"x@y.z\\r\\nBcc: evil@example.com\"}", "to"},
                {"[1]", "The body"}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> AlertInputs.channel(bad[0], true), bad[0]);
            String field = bad[1].startsWith("smtp.") ? bad[1].substring(5) : bad[1];
            assertTrue(e.getMessage().startsWith(field), bad[0] + " -> " + e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        }
    }

    @Test
    void aMaintenanceWindowFromMinutesOrAnEndAndNeverBackwardsOrTooLong() {
        AlertInputs.WindowInput w = AlertInputs.window("{\"name\":\"upgrade\",\"minutes\":90}", NOW);
        assertEquals(NOW, w.startsAt());
        assertEquals(NOW.plusSeconds(5400), w.endsAt());
        AlertInputs.WindowInput at = AlertInputs.window("{\"name\":\"night\",\"startsAt\":\"2026-03-02T00:00:00Z\","
                + "\"endsAt\":\"2026-03-02T04:00:00Z\"}", NOW);
        assertEquals(Instant.parse("2026-03-02T04:00:00Z"), at.endsAt());
        for (String bad : List.of("{\"name\":\"x\"}", "{\"name\":\"x\",\"minutes\":0}",
                "{\"name\":\"x\",\"startsAt\":\"2026-03-02T00:00:00Z\",\"endsAt\":\"2026-03-01T23:00:00Z\"}",
                "{\"name\":\"x\",\"startsAt\":\"2026-03-02T00:00:00Z\",\"endsAt\":\"2026-05-01T00:00:00Z\"}",
                "{\"name\":\"x\",\"startsAt\":\"2026-02-01T00:00:00Z\",\"endsAt\":\"2026-02-01T01:00:00Z\"}",
                "{\"name\":\"x\",\"endsAt\":\"tomorrow\"}", "{\"minutes\":5}")) {
            assertThrows(IllegalArgumentException.class, () -> AlertInputs.window(bad, NOW), bad);
        }
    }
}
