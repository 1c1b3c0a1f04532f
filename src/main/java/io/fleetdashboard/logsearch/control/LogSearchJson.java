package io.fleetdashboard.logsearch.control;

import io.fleetdashboard.logsearch.entity.LogFields;
import io.fleetdashboard.logsearch.entity.LogHit;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import io.fleetdashboard.logsearch.entity.LogSearchQuery;
import io.fleetdashboard.logsearch.entity.LogSearchResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch {@code _search} body for a {@link LogSearchQuery}, and the reading of its answer. The query is
 * the original dashboard's, with its bugs fixed: every host when none is chosen (the original required one), the
 * container matched as a prefix unless exact is asked (the original said "partial" but matched exactly), sorted
 * newest first, at most 1,000 hits.
 */
final class LogSearchJson {

    private LogSearchJson() {
    }

    static JsonObject body(LogSearchQuery query, LogFields f) {
        JsonArrayBuilder must = Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("exists", Json.createObjectBuilder().add("field", f.container())));
        if (!f.dataset().isBlank()) {
            must.add(term(f.dataset(), f.datasetValue()));
        }
        if (query.hostname() != null) {
            must.add(term(f.keyword(f.host()), query.hostname()));
        }
        if (query.container() != null) {
            must.add(query.exact() ? term(f.keyword(f.container()), query.container())
                    : Json.createObjectBuilder().add("prefix", Json.createObjectBuilder().add(f.keyword(f.container()),
                            Json.createObjectBuilder().add("value", query.container()))).build());
        }
        if (query.text() != null) {
            must.add(Json.createObjectBuilder().add("match_phrase", Json.createObjectBuilder().add(f.message(),
                    query.text())));
        }
        JsonArrayBuilder filter = Json.createArrayBuilder().add(Json.createObjectBuilder().add("range",
                Json.createObjectBuilder().add(f.timestamp(), Json.createObjectBuilder()
                        .add("gte", query.from().toString()).add("lte", query.to().toString()))));
        return Json.createObjectBuilder()
                .add("size", query.size())
                .add("sort", Json.createArrayBuilder().add(Json.createObjectBuilder().add(f.timestamp(),
                        Json.createObjectBuilder().add("order", "desc"))))
                .add("track_total_hits", true)
                .add("query", Json.createObjectBuilder().add("bool", Json.createObjectBuilder().add("must", must)
                        .add("filter", filter)))
                .build();
    }

    private static JsonObject term(String field, String value) {
        return Json.createObjectBuilder().add("term", Json.createObjectBuilder().add(field,
                Json.createObjectBuilder().add("value", value))).build();
    }

    /**
     * The hits of a search answer. An answer that is not a search answer (no hits object, an error body, Kibana's
     * {@code statusCode} of 400 or more) is malformed; unreadable single hits are skipped.
     */
    static LogSearchResult result(JsonValue answer, LogFields f, Instant at, long tookMillis) {
        if (!(answer instanceof JsonObject body)) {
            throw new LogSearchException(LogSearchException.Kind.MALFORMED, "The log search answered no JSON object");
        }
        if (body.containsKey("error") || (body.get("statusCode") instanceof JsonNumber code && code.intValue() >= 400)) {
            throw new LogSearchException(LogSearchException.Kind.UNAVAILABLE, "The log search reported an error: "
                    + reason(body));
        }
        JsonValue hitsValue = body.get("hits");
        if (!(hitsValue instanceof JsonObject hits) || !(hits.get("hits") instanceof JsonArray list)) {
            throw new LogSearchException(LogSearchException.Kind.MALFORMED,
                    "The log search answered without hits: is KIBANA_LOGS_ENDPOINT a _search URL?");
        }
        long total = list.size();
        boolean lowerBound = false;
        JsonValue totalValue = hits.get("total");
        if (totalValue instanceof JsonObject t && t.get("value") instanceof JsonNumber n) {
            total = n.longValue();
            lowerBound = "gte".equals(t.getString("relation", "eq"));
        } else if (totalValue instanceof JsonNumber n) {
            total = n.longValue();
        }
        List<LogHit> out = new ArrayList<>(list.size());
        for (JsonValue item : list) {
            if (item instanceof JsonObject hit && hit.get("_source") instanceof JsonObject source) {
                out.add(new LogHit(time(text(source, f.timestamp())), text(source, f.host()),
                        text(source, f.container()), text(source, f.level()), text(source, f.message())));
            }
        }
        return new LogSearchResult(out, total, lowerBound, at, tookMillis);
    }

    /** A field as a dotted key ("log.level": ...) or nested ({"log": {"level": ...}}); null when absent. */
    static String text(JsonObject source, String field) {
        JsonValue value = source.get(field);
        if (value == null) {
            JsonValue current = source;
            for (String part : field.split("\\.")) {
                current = current instanceof JsonObject o ? o.get(part) : null;
                if (current == null) {
                    break;
                }
            }
            value = current;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonArray a && !a.isEmpty() && a.get(0) instanceof JsonString s) {
            return s.getString();
        }
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notIso) {
                return null;
            }
        }
    }

    /** Elasticsearch's error.reason (or type), Kibana's message: at most 200 characters. */
    static String reason(JsonObject body) {
        JsonValue error = body.get("error");
        String reason = null;
        if (error instanceof JsonObject e) {
            reason = e.getString("reason", e.getString("type", null));
        } else if (error instanceof JsonString s) {
            reason = s.getString();
        }
        if (reason == null) {
            reason = body.getString("message", "status " + body.get("statusCode"));
        }
        return reason.length() > 200 ? reason.substring(0, 200) + "…" : reason;
    }
}
