package io.fleetdashboard.logsearch.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.logsearch.entity.LogFields;
import io.fleetdashboard.logsearch.entity.LogHit;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import io.fleetdashboard.logsearch.entity.LogSearchQuery;
import io.fleetdashboard.logsearch.entity.LogSearchResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogSearchJsonTest {

    private static final Instant TO = Instant.parse("2026-12-02T12:00:00Z");
    private static final Instant FROM = TO.minusSeconds(3600);

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }

    @Test
    void theQueryIsTheOriginalsWithAPrefixMatchAndEveryHostAllowed() {
        JsonObject body = LogSearchJson.body(new LogSearchQuery(null, "shop-", false, "timeout", FROM, TO, 50),
                LogFields.ORIGINAL);
        assertEquals(50, body.getInt("size"));
        assertEquals("desc", body.getJsonArray("sort").getJsonObject(0).getJsonObject("@timestamp")
                .getString("order"));
        String must = body.getJsonObject("query").getJsonObject("bool").getJsonArray("must").toString();
        assertTrue(must.contains("{\"exists\":{\"field\":\"container.name\"}}"), must);
        assertTrue(must.contains("{\"term\":{\"data_stream.dataset\":{\"value\":\"docker-container_logs\"}}}"), must);
        assertTrue(must.contains("{\"prefix\":{\"container.name.keyword\":{\"value\":\"shop-\"}}}"), must);
        assertTrue(must.contains("{\"match_phrase\":{\"message\":\"timeout\"}}"), must);
        assertFalse(must.contains("host.hostname"), "no host chosen: every host");
        String filter = body.getJsonObject("query").getJsonObject("bool").getJsonArray("filter").toString();
        assertTrue(filter.contains("\"gte\":\"2026-12-02T11:00:00Z\"") && filter.contains("\"lte\":\"2026-12-02T12:00:00Z\""),
                filter);
    }

    @Test
    void anExactContainerAndAHostAreTerms() {
        LogFields custom = new LogFields("ts", "msg", "kubernetes.container.name", "agent.hostname", "level", "", "",
                "");
        String must = LogSearchJson.body(new LogSearchQuery("edge-7", "web", true, null, FROM, TO, 10), custom)
                .getJsonObject("query").getJsonObject("bool").getJsonArray("must").toString();
        assertTrue(must.contains("{\"term\":{\"agent.hostname\":{\"value\":\"edge-7\"}}}"), must);
        assertTrue(must.contains("{\"term\":{\"kubernetes.container.name\":{\"value\":\"web\"}}}"), must);
        assertFalse(must.contains("dataset"), "an empty data set field drops that filter");
    }

    @Test
    void hitsAreReadFromNestedOrDottedFields() {
        LogSearchResult result = LogSearchJson.result(json("""
                {"took":3,"hits":{"total":{"value":1234,"relation":"gte"},"hits":[
                 {"_source":{"@timestamp":"2026-12-02T11:59:00.123Z","message":"ERROR boom",
                  "container":{"name":"shop-web-1"},"host":{"hostname":"10.0.0.5"},"log":{"level":"error"}}},
                 {"_source":{"@timestamp":"2026-12-02T11:58:00+01:00","message":"ok","container.name":"db",
                  "host.hostname":"h2","log.level":["info"]}},
                 {"no source":true}]}}"""), LogFields.ORIGINAL, TO, 7);
        assertEquals(1234, result.total());
        assertTrue(result.totalIsLowerBound());
        assertEquals(2, result.hits().size(), "an item without _source is skipped");
        LogHit first = result.hits().get(0);
        assertEquals(Instant.parse("2026-12-02T11:59:00.123Z"), first.timestamp());
        assertEquals("10.0.0.5", first.hostname());
        assertEquals("shop-web-1", first.container());
        assertEquals("error", first.level());
        LogHit second = result.hits().get(1);
        assertEquals(Instant.parse("2026-12-02T10:58:00Z"), second.timestamp());
        assertEquals("db", second.container());
        assertEquals("info", second.level());
    }

    @Test
    void errorsAndAnswersThatAreNotSearchAnswersAreReported() {
        LogSearchException kibana = assertThrows(LogSearchException.class, () -> LogSearchJson.result(
                json("{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"[request body.query]\"}"),
                LogFields.ORIGINAL, TO, 0));
        assertEquals(LogSearchException.Kind.UNAVAILABLE, kibana.kind());
        assertTrue(kibana.getMessage().contains("Bad Request"), kibana.getMessage());
        assertEquals(LogSearchException.Kind.MALFORMED, assertThrows(LogSearchException.class,
                () -> LogSearchJson.result(json("[1,2]"), LogFields.ORIGINAL, TO, 0)).kind());
        assertEquals(LogSearchException.Kind.MALFORMED, assertThrows(LogSearchException.class,
                () -> LogSearchJson.result(json("{\"took\":1}"), LogFields.ORIGINAL, TO, 0)).kind());
        assertNull(LogSearchJson.text(json("{\"a\":{\"b\":null}}").asJsonObject(), "a.b"));
    }

    @Test
    void theQueryRefusesARangeOverSevenDaysAndABadSize() {
        assertThrows(IllegalArgumentException.class, () -> new LogSearchQuery(null, null, false, null,
                TO.minusSeconds(8 * 86400), TO, 10));
        assertThrows(IllegalArgumentException.class, () -> new LogSearchQuery(null, null, false, null, TO, FROM, 10));
        assertThrows(IllegalArgumentException.class, () -> new LogSearchQuery(null, null, false, null, FROM, TO, 1001));
    }
}
