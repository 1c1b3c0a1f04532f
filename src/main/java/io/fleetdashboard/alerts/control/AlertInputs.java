package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.ChannelKind;
import io.fleetdashboard.alerts.entity.ChannelSettings;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and checks what admins send about channels and maintenance windows (JSON bodies of the API, fields of the
 * page). Every problem is an IllegalArgumentException whose message names the field and what it takes; nothing here
 * echoes a secret back.
 */
public final class AlertInputs {

    public static final long MAX_RENOTIFY_SECONDS = 30L * 86400;
    public static final Duration MAX_WINDOW = Duration.ofDays(30);
    static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"()\\[\\]\\\\]{1,64}@[A-Za-z0-9.-]{1,253}");
    static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\[\\]-]{1,253}");

    private AlertInputs() {
    }

    /** A channel from its JSON; with {@code secretRequired} (a new channel) the URL or SMTP password must be there. */
    public static ChannelSettings channel(String body, boolean secretRequired) {
        JsonObject o = object(body);
        String name = text(o, "name", 80, true);
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name must not hold control characters.");
        }
        ChannelKind kind = choice(o, "kind", ChannelKind.class, null);
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: webhook, slack, teams, discord or email.");
        }
        boolean enabled = bool(o, "enabled", true);
        InsightSeverity min = choice(o, "minSeverity", InsightSeverity.class, InsightSeverity.WARNING);
        List<InsightCategory> categories = new ArrayList<>();
        for (String c : list(o, "categories")) {
            categories.add(parseEnum("categories", c, InsightCategory.class));
        }
        List<String> kinds = list(o, "kinds");
        for (String k : kinds) {
            if (!KIND.matcher(k).matches()) {
                throw new IllegalArgumentException("kinds takes insight kinds such as crash_loop or "
                        + "posture_critical (lower case letters, digits, _).");
            }
        }
        long renotify = whole(o, "renotifySeconds", 3600, 0, MAX_RENOTIFY_SECONDS);
        boolean resolved = bool(o, "notifyResolved", false);
        if (kind.webhook()) {
            String url = text(o, "url", 2000, false);
            if (url == null && secretRequired) {
                throw new IllegalArgumentException("url is required for a " + kind.apiName() + " channel.");
            }
            if (url != null) {
                webhookUrl(url);
            }
            return new ChannelSettings(name, kind, enabled, min, categories, distinct(kinds), renotify, resolved, url,
                    null, null, null, false, null, List.of());
        }
        JsonObject smtp = o.containsKey("smtp") && o.get("smtp").getValueType() == JsonValue.ValueType.OBJECT
                ? o.getJsonObject("smtp") : null;
        if (smtp == null) {
            throw new IllegalArgumentException("smtp is required for an email channel: {\"host\": ..., \"port\": ..., "
                    + "\"username\": ..., \"password\": ..., \"starttls\": true|false}.");
        }
        String host = text(smtp, "host", 253, true);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("smtp.host must be a host name or address.");
        }
        int port = (int) whole(smtp, "port", 25, 1, 65535);
        String username = text(smtp, "username", 200, false);
        String password = text(smtp, "password", 500, false);
        boolean starttls = bool(smtp, "starttls", false);
        String from = text(o, "from", 254, true);
        address("from", from);
        List<String> to = list(o, "to");
        if (to.isEmpty() || to.size() > 20) {
            throw new IllegalArgumentException("to takes 1 to 20 email addresses.");
        }
        to.forEach(a -> address("to", a));
        return new ChannelSettings(name, kind, enabled, min, categories, distinct(kinds), renotify, resolved,
                password, host, port, username, starttls, from, distinct(to));
    }

    /** A maintenance window {"name", "startsAt" (ISO instant, default now), "endsAt" or "minutes"}. */
    public record WindowInput(String name, Instant startsAt, Instant endsAt) {
    }

    public static WindowInput window(String body, Instant now) {
        JsonObject o = object(body);
        String name = text(o, "name", 120, true);
        Instant starts = instant(o, "startsAt", now);
        Instant ends;
        if (o.containsKey("minutes") && !o.isNull("minutes")) {
            ends = starts.plus(Duration.ofMinutes(whole(o, "minutes", 60, 1, MAX_WINDOW.toMinutes())));
        } else {
            ends = instant(o, "endsAt", null);
            if (ends == null) {
                throw new IllegalArgumentException("endsAt (an ISO instant) or minutes is required.");
            }
        }
        return window(name, starts, ends, now);
    }

    public static WindowInput window(String name, Instant starts, Instant ends, Instant now) {
        if (name == null || name.isBlank() || name.length() > 120) {
            throw new IllegalArgumentException("name is required (at most 120 characters).");
        }
        if (!ends.isAfter(starts)) {
            throw new IllegalArgumentException("The window must end after it starts.");
        }
        if (Duration.between(starts, ends).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("A window lasts at most 30 days.");
        }
        if (!ends.isAfter(now)) {
            throw new IllegalArgumentException("The window is over already.");
        }
        return new WindowInput(name.strip(), starts, ends);
    }

    /** The optional note of an acknowledgement {"note": "..."}. */
    public static String note(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return text(object(body), "note", 300, false);
    }

    static void webhookUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("url is not a valid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("url must be an http or https URL with a host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user name or password.");
        }
    }

    static void address(String field, String address) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException(field + " must be plain email addresses such as ops@example.com.");
        }
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("The body must be a JSON object.");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new IllegalArgumentException("The body must be a JSON object.");
            }
            return value.asJsonObject();
        } catch (JsonException e) {
            throw new IllegalArgumentException("The body is not valid JSON.");
        }
    }

    static String text(JsonObject o, String field, int max, boolean required) {
        if (!o.containsKey(field) || o.isNull(field)) {
            if (required) {
                throw new IllegalArgumentException(field + " is required.");
            }
            return null;
        }
        if (o.get(field).getValueType() != JsonValue.ValueType.STRING) {
            throw new IllegalArgumentException(field + " must be a string.");
        }
        String value = o.getString(field).strip();
        if (value.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(field + " must not be empty.");
            }
            return null;
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters.");
        }
        return value;
    }

    static boolean bool(JsonObject o, String field, boolean defaultValue) {
        if (!o.containsKey(field) || o.isNull(field)) {
            return defaultValue;
        }
        return switch (o.get(field).getValueType()) {
            case TRUE -> true;
            case FALSE -> false;
            default -> throw new IllegalArgumentException(field + " must be true or false.");
        };
    }

    static long whole(JsonObject o, String field, long defaultValue, long min, long max) {
        if (!o.containsKey(field) || o.isNull(field)) {
            return defaultValue;
        }
        if (o.get(field).getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) o.get(field)).isIntegral()) {
            throw new IllegalArgumentException(field + " must be a whole number from " + min + " to " + max + ".");
        }
        JsonNumber n = o.getJsonNumber(field);
        java.math.BigDecimal value = n.bigDecimalValue();
        if (value.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || value.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(field + " must be a whole number from " + min + " to " + max + ".");
        }
        return value.longValueExact();
    }

    static <E extends Enum<E>> E choice(JsonObject o, String field, Class<E> type, E defaultValue) {
        String value = text(o, field, 40, false);
        return value == null ? defaultValue : parseEnum(field, value, type);
    }

    static <E extends Enum<E>> E parseEnum(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " takes " + String.join(", ", Arrays.stream(
                    type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()) + ".");
        }
    }

    /** A list given as a JSON array of strings or as one comma separated string. */
    static List<String> list(JsonObject o, String field) {
        if (!o.containsKey(field) || o.isNull(field)) {
            return List.of();
        }
        JsonValue v = o.get(field);
        List<String> out = new ArrayList<>();
        if (v.getValueType() == JsonValue.ValueType.STRING) {
            for (String part : ((JsonString) v).getString().split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : v.asJsonArray()) {
                if (item.getValueType() != JsonValue.ValueType.STRING) {
                    throw new IllegalArgumentException(field + " must be a list of strings.");
                }
                String s = ((JsonString) item).getString().strip();
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        } else {
            throw new IllegalArgumentException(field + " must be a list of strings or one comma separated string.");
        }
        if (out.size() > 50 || out.stream().anyMatch(s -> s.length() > 254)) {
            throw new IllegalArgumentException(field + " takes at most 50 entries.");
        }
        return out;
    }

    static Instant instant(JsonObject o, String field, Instant defaultValue) {
        String value = text(o, field, 40, false);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO instant such as 2026-01-31T22:00:00Z.");
        }
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().distinct().toList();
    }
}
