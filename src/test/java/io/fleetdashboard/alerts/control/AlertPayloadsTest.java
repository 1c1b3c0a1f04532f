package io.fleetdashboard.alerts.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.alerts.entity.AlertMessage;
import io.fleetdashboard.alerts.entity.ChannelKind;
import io.fleetdashboard.alerts.entity.DeliveryEvent;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPayloadsTest {

    static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

    static AlertMessage message(ChannelKind kind, DeliveryEvent event, String title) {
        return new AlertMessage(7, "ops", kind, event, 42L, "crash_loop:env:1:abc", "crash_loop",
                InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY, title, "Restarted 12 times",
                List.of("env:1:abc"), "Look at its logs", AT.minusSeconds(600), AT, null, true, AT);
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void theGenericWebhookCarriesTheWholeInsight() {
        JsonObject body = json(AlertPayloads.json(message(ChannelKind.WEBHOOK, DeliveryEvent.FIRING, "web-1 loops"),
                AT));
        assertEquals("firing", body.getString("event"));
        assertEquals("ops", body.getString("channel"));
        JsonObject insight = body.getJsonObject("insight");
        assertEquals(42, insight.getInt("id"));
        assertEquals("crash_loop:env:1:abc", insight.getString("condition"));
        assertEquals("critical", insight.getString("severity"));
        assertEquals("availability", insight.getString("category"));
        assertEquals(List.of("env:1:abc"), insight.getJsonArray("resources").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertTrue(insight.getBoolean("simulated"));
        assertFalse(insight.containsKey("resolvedAt"));
    }

    @Test
    void slackTextEscapesItsControlCharacters() {
        JsonObject body = json(AlertPayloads.json(message(ChannelKind.SLACK, DeliveryEvent.REPEAT,
                "<!channel> & <script>"), AT));
        String text = body.getString("text");
        assertTrue(text.startsWith("Still open: [CRITICAL] &lt;!channel&gt; &amp; &lt;script&gt;"), text);
        assertFalse(text.contains("<"), text);
    }

    @Test
    void discordContentIsCutAndPingsNobody() {
        JsonObject body = json(AlertPayloads.json(message(ChannelKind.DISCORD, DeliveryEvent.FIRING,
                "@everyone " + "x".repeat(3000)), AT));
        assertTrue(body.getString("content").length() <= AlertPayloads.DISCORD_LIMIT);
        assertTrue(body.getJsonObject("allowed_mentions").getJsonArray("parse").isEmpty());
    }

    @Test
    void teamsGetsOneAdaptiveCard() {
        JsonObject body = json(AlertPayloads.json(message(ChannelKind.TEAMS, DeliveryEvent.RESOLVED, "web-1 loops"),
                AT));
        assertEquals("message", body.getString("type"));
        JsonObject attachment = body.getJsonArray("attachments").getJsonObject(0);
        assertEquals("application/vnd.microsoft.card.adaptive", attachment.getString("contentType"));
        JsonObject card = attachment.getJsonObject("content");
        assertEquals("AdaptiveCard", card.getString("type"));
        assertEquals("Resolved: [CRITICAL] web-1 loops", card.getJsonArray("body").getJsonObject(0)
                .getString("text"));
        assertEquals("Good", card.getJsonArray("body").getJsonObject(0).getString("color"));
    }

    @Test
    void anEmailSubjectIsOneLineAndTheBodyNamesTheCondition() {
        AlertMessage m = message(ChannelKind.EMAIL, DeliveryEvent.FIRING, "web-1\r\nBcc: evil@example.com");
        String subject = AlertPayloads.emailSubject(m);
        assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
        assertTrue(subject.startsWith("[Fleet Dashboard] [CRITICAL] web-1 Bcc"), subject);
        String body = AlertPayloads.emailBody(m);
        assertTrue(body.contains("Condition: crash_loop:env:1:abc"), body);
        assertTrue(body.contains("Recommended: Look at its logs"), body);
        assertTrue(body.contains("Simulated fleet"), body);
    }
}
