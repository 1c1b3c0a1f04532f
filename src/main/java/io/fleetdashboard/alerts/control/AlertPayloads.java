package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.AlertMessage;
import io.fleetdashboard.alerts.entity.DeliveryEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * What each kind of channel is sent (see docs/alert-channels.md): our own JSON for a generic webhook; Slack's
 * {@code text} (with &amp;, &lt; and &gt; escaped, as Slack asks); a Teams message with one Adaptive Card (what a
 * Teams workflow webhook takes); Discord's {@code content} (at most 2,000 characters, no mention pings); and a plain
 * text email. Every text is ours or the insight's, never a secret.
 */
public final class AlertPayloads {

    static final int DISCORD_LIMIT = 2000;

    private AlertPayloads() {
    }

    public static String json(AlertMessage m, Instant sentAt) {
        return switch (m.channelKind()) {
            case SLACK -> Json.createObjectBuilder().add("text", slackEscape(text(m))).add("unfurl_links", false)
                    .build().toString();
            case DISCORD -> Json.createObjectBuilder().add("username", "Fleet Dashboard")
                    .add("content", cut(text(m), DISCORD_LIMIT))
                    .add("allowed_mentions", Json.createObjectBuilder().add("parse", Json.createArrayBuilder()))
                    .build().toString();
            case TEAMS -> teams(m).toString();
            case WEBHOOK, EMAIL -> generic(m, sentAt).toString();
        };
    }

    static jakarta.json.JsonObject generic(AlertMessage m, Instant sentAt) {
        JsonObjectBuilder insight = Json.createObjectBuilder();
        if (m.insightId() != null) {
            insight.add("id", m.insightId());
        }
        add(insight, "condition", m.condition());
        add(insight, "kind", m.kind());
        add(insight, "severity", m.severity() == null ? null : m.severity().apiName());
        add(insight, "category", m.category() == null ? null : m.category().apiName());
        add(insight, "title", m.title());
        add(insight, "detail", m.detail());
        JsonArrayBuilder resources = Json.createArrayBuilder();
        m.resources().forEach(resources::add);
        insight.add("resources", resources);
        add(insight, "recommendedAction", m.recommended());
        add(insight, "firstSeen", m.firstSeen() == null ? null : m.firstSeen().toString());
        add(insight, "lastSeen", m.lastSeen() == null ? null : m.lastSeen().toString());
        add(insight, "resolvedAt", m.resolvedAt() == null ? null : m.resolvedAt().toString());
        insight.add("simulated", m.simulated());
        return Json.createObjectBuilder().add("source", "fleet-dashboard").add("event", m.event().apiName())
                .add("channel", m.channelName()).add("sentAt", sentAt.toString()).add("summary", headline(m))
                .add("insight", insight).build();
    }

    static jakarta.json.JsonObject teams(AlertMessage m) {
        JsonArrayBuilder facts = Json.createArrayBuilder();
        fact(facts, "Severity", m.severity() == null ? null : m.severity().apiName());
        fact(facts, "Category", m.category() == null ? null : m.category().apiName());
        fact(facts, "Kind", m.kind());
        fact(facts, "Resources", m.resources().isEmpty() ? null : String.join(", ", m.resources()));
        fact(facts, "First seen", m.firstSeen() == null ? null : m.firstSeen().toString());
        fact(facts, "Recommended", m.recommended());
        JsonArrayBuilder body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "TextBlock").add("text", headline(m))
                        .add("weight", "Bolder").add("wrap", true)
                        .add("color", m.event() == DeliveryEvent.RESOLVED ? "Good" : "Attention"));
        if (m.detail() != null && !m.detail().isBlank()) {
            body.add(Json.createObjectBuilder().add("type", "TextBlock").add("text", m.detail()).add("wrap", true));
        }
        body.add(Json.createObjectBuilder().add("type", "FactSet").add("facts", facts));
        return Json.createObjectBuilder().add("type", "message").add("summary", headline(m))
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("contentType", "application/vnd.microsoft.card.adaptive")
                        .add("content", Json.createObjectBuilder()
                                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                                .add("type", "AdaptiveCard").add("version", "1.4").add("body", body))))
                .build();
    }

    /** "[CRITICAL] title", with "Still open: ", "Resolved: " or "Test: " in front when that is the event. */
    public static String headline(AlertMessage m) {
        String prefix = switch (m.event()) {
            case FIRING -> "";
            case REPEAT -> "Still open: ";
            case RESOLVED -> "Resolved: ";
            case TEST -> "Test: ";
        };
        String severity = m.severity() == null ? "" : "[" + m.severity().name() + "] ";
        return oneLine(prefix + severity + m.title());
    }

    /** The plain text of chat messages and emails: headline, detail, resources, recommendation, times. */
    public static String text(AlertMessage m) {
        StringBuilder out = new StringBuilder(headline(m));
        if (m.detail() != null && !m.detail().isBlank()) {
            out.append('\n').append(m.detail().strip());
        }
        if (!m.resources().isEmpty()) {
            out.append("\nResources: ").append(String.join(", ", m.resources()));
        }
        if (m.recommended() != null && !m.recommended().isBlank()) {
            out.append("\nRecommended: ").append(m.recommended().strip());
        }
        if (m.category() != null) {
            out.append("\nCategory: ").append(m.category().apiName()).append(", kind: ").append(m.kind());
        }
        if (m.condition() != null) {
            out.append("\nCondition: ").append(m.condition());
        }
        if (m.event() != DeliveryEvent.TEST && m.firstSeen() != null) {
            out.append("\nFirst seen ").append(m.firstSeen()).append(", last seen ").append(m.lastSeen());
            if (m.resolvedAt() != null) {
                out.append(", resolved ").append(m.resolvedAt());
            }
        }
        if (m.simulated()) {
            out.append("\n(Simulated fleet: demo data, not a real system.)");
        }
        return out.toString();
    }

    public static String emailSubject(AlertMessage m) {
        return cut("[Fleet Dashboard] " + headline(m), 200);
    }

    public static String emailBody(AlertMessage m) {
        return text(m) + "\n\n-- \nSent by Fleet Dashboard to the channel \"" + m.channelName() + "\".\n";
    }

    /** Slack's three control characters (its docs: escape &, < and > in text). */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }

    private static void fact(JsonArrayBuilder facts, String title, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(Json.createObjectBuilder().add("title", title).add("value", value));
        }
    }
}
