package it.io.fleetdashboard.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.TestServer;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alerts against the simulator's sinks: a webhook and an email arrive once per condition and again only after the
 * re-notify interval; an acknowledgement stops the re-notifications; a maintenance window suppresses (recorded) and
 * the notice follows after it; a failing webhook is retried and recorded failed; the test button reaches Slack,
 * Teams and Discord shapes; secrets are write-only and encrypted at rest; roles and bad input are refused clearly.
 * Every test makes its own channels (unique names and sink paths) and deletes them.
 */
class AlertsIT {

    static Alerts.OpenInsight privileged;

    @BeforeAll
    static void theSeededPrivilegedContainerHasAnOpenInsight() {
        Api.healthyFleet();
        privileged = Alerts.privilegedInsight();
    }

    static String webhookChannel(String name, String url, long renotifySeconds) {
        return "{\"name\":\"" + name + "\",\"kind\":\"webhook\",\"url\":\"" + url + "\",\"minSeverity\":\"critical\","
                + "\"categories\":[\"security\"],\"kinds\":[\"posture_critical\"],\"renotifySeconds\":" + renotifySeconds
                + "}";
    }

    @Test
    void aWebhookAndAnEmailArriveOncePerConditionAndAgainOnlyAfterTheRenotifyInterval() {
        String name = Alerts.unique("it-renotify");
        String path = "/hooks/" + name;
        long renotify = 20;
        JsonObject smtp = Alerts.smtpSink();
        String to = name + "@example.test";
        long hook = Alerts.channel(webhookChannel(name, Alerts.webhookBase() + name, renotify));
        long mail = Alerts.channel("{\"name\":\"" + name + "-mail\",\"kind\":\"email\",\"minSeverity\":\"critical\","
                + "\"kinds\":\"posture_critical\",\"renotifySeconds\":" + renotify + ",\"smtp\":{\"host\":\""
                + smtp.getString("host") + "\",\"port\":" + smtp.getInt("port") + ",\"username\":\"alerts-it\","
                + "\"password\":\"" + smtp.getString("password") + "\"},\"from\":\"fleet@example.test\",\"to\":[\""
                + to + "\"]}");
        try {
            Alerts.round();
            Api.await("the first webhook and email", Duration.ofSeconds(30),
                    () -> !Alerts.webhooksAbout(path, privileged.condition()).isEmpty()
                            && !Alerts.mailsAbout(to, privileged.condition()).isEmpty());
            JsonObject first = Alerts.webhooksAbout(path, privileged.condition()).get(0);
            assertEquals("firing", first.getString("event"));
            assertEquals("critical", first.getJsonObject("insight").getString("severity"));
            assertEquals(privileged.id(), first.getJsonObject("insight").getJsonNumber("id").longValue());
            JsonObject email = Alerts.mailsAbout(to, privileged.condition()).get(0);
            assertEquals("alerts-it", email.getString("user"), "authenticated with the decrypted password");
            assertTrue(email.getString("subject").contains("[CRITICAL]"), email.toString());

            Alerts.round();
            // the sends of the second round were decided (or not) before it answered; deliveries are recorded
            assertEquals(1, Alerts.webhooksAbout(path, privileged.condition()).size(), "not again before "
                    + renotify + " s");
            assertEquals(1, Alerts.mailsAbout(to, privileged.condition()).size(), "not again before " + renotify
                    + " s");

            Api.await("the re-notification", Duration.ofSeconds(120), () -> {
                Alerts.round();
                return Alerts.webhooksAbout(path, privileged.condition()).size() >= 2
                        && Alerts.mailsAbout(to, privileged.condition()).size() >= 2;
            });
            List<JsonObject> both = Alerts.webhooksAbout(path, privileged.condition());
            assertEquals(2, both.size(), "once per interval");
            assertEquals("repeat", both.get(1).getString("event"));
            Duration between = Duration.between(Instant.parse(both.get(0).getString("sentAt")),
                    Instant.parse(both.get(1).getString("sentAt")));
            assertTrue(between.compareTo(Duration.ofSeconds(renotify - 1)) >= 0, "re-notified after " + between);
            assertTrue(Alerts.mailsAbout(to, privileged.condition()).get(1).getString("subject")
                    .contains("Still open"));
            assertTrue(Alerts.deliveries(hook).stream().allMatch(d -> d.getString("status").equals("sent")),
                    Alerts.deliveries(hook).toString());
        } finally {
            Alerts.deleteChannel(hook);
            Alerts.deleteChannel(mail);
        }
    }

    @Test
    void anAcknowledgedInsightIsNotNotifiedAgainWhileAnotherOneIs() {
        Alerts.OpenInsight other = Alerts.openInsights("posture_critical").stream()
                .filter(i -> !i.getString("condition").equals(privileged.condition())).findFirst()
                .map(i -> new Alerts.OpenInsight(i.getJsonNumber("id").longValue(), i.getString("condition")))
                .orElseThrow(() -> new AssertionError("a second privileged container"));
        String name = Alerts.unique("it-ack");
        String path = "/hooks/" + name;
        long hook = Alerts.channel(webhookChannel(name, Alerts.webhookBase() + name, 3));
        try {
            Alerts.round();
            Api.await("both first notices", Duration.ofSeconds(30),
                    () -> !Alerts.webhooksAbout(path, privileged.condition()).isEmpty()
                            && !Alerts.webhooksAbout(path, other.condition()).isEmpty());
            HttpResponse<String> viewer = Api.postAs(Alerts.VIEWER, Alerts.VIEWER_KEY, "/api/v1/alerts/acks/"
                    + privileged.id(), null);
            assertEquals(403, viewer.statusCode(), viewer.body());
            HttpResponse<String> ack = Api.postAs(Alerts.OPERATOR, Alerts.OPERATOR_KEY, "/api/v1/alerts/acks/"
                    + privileged.id(), "{\"note\":\"known, fix scheduled\"}");
            assertEquals(200, ack.statusCode(), ack.body());
            assertEquals(409, Api.postAs(Alerts.OPERATOR, Alerts.OPERATOR_KEY, "/api/v1/alerts/acks/"
                    + privileged.id(), null).statusCode(), "acknowledged already");
            int before = Alerts.webhooksAbout(path, privileged.condition()).size();
            Api.await("the other insight's re-notification", Duration.ofSeconds(120), () -> {
                Alerts.round();
                return Alerts.webhooksAbout(path, other.condition()).size() >= 2;
            });
            Alerts.round();
            assertEquals(before, Alerts.webhooksAbout(path, privileged.condition()).size(),
                    "no re-notification of the acknowledged insight");
            boolean audited = Api.object("/api/v1/audit?action=alerts.ack&user=operator&limit=20")
                    .getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .anyMatch(a -> a.getString("target", "").equals("insight:" + privileged.id()));
            assertTrue(audited, "the acknowledgement is in the audit log");
        } finally {
            Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/v1/alerts/acks/"
                    + privileged.id())).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString((Alerts.OPERATOR + ":" + Alerts.OPERATOR_KEY).getBytes(StandardCharsets.UTF_8)))
                    .DELETE());
            Alerts.deleteChannel(hook);
        }
    }

    @Test
    void aMaintenanceWindowSuppressesAndTheNoticeFollowsAfterIt() {
        String name = Alerts.unique("it-window");
        String path = "/hooks/" + name;
        HttpResponse<String> window = Api.post("/api/v1/alerts/maintenance", "{\"name\":\"" + name
                + "\",\"minutes\":30}");
        assertEquals(201, window.statusCode(), window.body());
        long windowId = Api.json(window.body()).asJsonObject().getJsonNumber("id").longValue();
        long hook = Alerts.channel(webhookChannel(name, Alerts.webhookBase() + name, 0));
        try {
            assertEquals(name, Api.object("/api/v1/alerts/status").getJsonObject("activeWindow").getString("name"));
            Alerts.round();
            Api.await("the suppressed notice", Duration.ofSeconds(30), () -> Alerts.deliveries(hook).stream()
                    .anyMatch(d -> d.getString("status").equals("suppressed")
                            && privileged.condition().equals(d.getString("condition", null))));
            assertTrue(Alerts.webhooks(path).isEmpty(), "nothing sent during the window");
            assertTrue(Alerts.deliveries(hook).stream().allMatch(d -> d.getString("status").equals("suppressed")
                    && d.getString("reason").contains(name)), Alerts.deliveries(hook).toString());

            assertEquals(204, Alerts.admin("DELETE", "/api/v1/alerts/maintenance/" + windowId, null).statusCode());
            Alerts.round();
            Api.await("the notice after the window", Duration.ofSeconds(30),
                    () -> Alerts.webhooksAbout(path, privileged.condition()).size() == 1);
        } finally {
            Alerts.admin("DELETE", "/api/v1/alerts/maintenance/" + windowId, null);
            Alerts.deleteChannel(hook);
        }
    }

    @Test
    void aFailingWebhookIsRetriedWithBackoffAndRecordedFailedWithoutItsUrl() {
        String name = Alerts.unique("it-fail");
        String path = "/hooks/fail/" + name;
        long hook = Alerts.channel(webhookChannel(name, Alerts.webhookBase() + "fail/" + name, 0));
        int attempts = Api.object("/api/v1/alerts/status").getInt("maxAttempts");
        try {
            Alerts.round();
            Api.await("the last attempt", Duration.ofSeconds(60), () -> Alerts.deliveries(hook).stream()
                    .anyMatch(d -> privileged.condition().equals(d.getString("condition", null))
                            && d.getBoolean("lastAttempt")));
            List<JsonObject> tries = Alerts.deliveries(hook).stream()
                    .filter(d -> privileged.condition().equals(d.getString("condition", null)))
                    .sorted(java.util.Comparator.comparingInt(d -> d.getInt("attempt"))).toList();
            assertEquals(attempts, tries.size(), tries.toString());
            for (int i = 0; i < tries.size(); i++) {
                JsonObject d = tries.get(i);
                assertEquals(i + 1, d.getInt("attempt"));
                assertEquals("failed", d.getString("status"));
                assertTrue(d.getString("reason").contains("HTTP 500"), d.toString());
                assertFalse(d.getString("reason").contains(name), "no URL path in the reason: " + d);
                assertEquals(i == tries.size() - 1, d.getBoolean("lastAttempt"), d.toString());
            }
            assertTrue(tries.get(tries.size() - 1).getString("reason").contains("gave up"), tries.toString());
            assertEquals(attempts, Alerts.webhooksAbout(path, privileged.condition()).size(),
                    "each attempt reached the sink");
        } finally {
            Alerts.deleteChannel(hook);
        }
    }

    @Test
    void sendTestReachesEachWebhookKindInItsShape() {
        String name = Alerts.unique("it-test");
        Map<String, Long> channels = new java.util.LinkedHashMap<>();
        try {
            for (String kind : List.of("webhook", "slack", "teams", "discord")) {
                channels.put(kind, Alerts.channel("{\"name\":\"" + name + "-" + kind + "\",\"kind\":\"" + kind
                        + "\",\"url\":\"" + Alerts.webhookBase() + name + "/" + kind + "\",\"enabled\":false}"));
            }
            for (Map.Entry<String, Long> c : channels.entrySet()) {
                HttpResponse<String> test = Api.post("/api/v1/alerts/channels/" + c.getValue() + "/test", null);
                assertEquals(200, test.statusCode(), test.body());
                assertEquals("sent", Api.json(test.body()).asJsonObject().getString("status"), test.body());
                List<JsonObject> got = Alerts.webhooks("/hooks/" + name + "/" + c.getKey());
                assertEquals(1, got.size(), c.getKey());
                assertTrue(got.get(0).getString("contentType").startsWith("application/json"));
                JsonObject body = Api.json(got.get(0).getString("body")).asJsonObject();
                switch (c.getKey()) {
                    case "webhook" -> assertEquals("test", body.getString("event"));
                    case "slack" -> assertTrue(body.getString("text").startsWith("Test: "), body.toString());
                    case "teams" -> assertEquals("application/vnd.microsoft.card.adaptive", body
                            .getJsonArray("attachments").getJsonObject(0).getString("contentType"));
                    default -> {
                        assertTrue(body.getString("content").startsWith("Test: "), body.toString());
                        assertTrue(body.getJsonObject("allowed_mentions").getJsonArray("parse").isEmpty());
                    }
                }
            }
            boolean audited = Api.object("/api/v1/audit?action=alerts.channel.test&limit=20").getJsonArray("items")
                    .stream().map(v -> v.asJsonObject()).anyMatch(a -> a.getString("targetName", "")
                            .startsWith(name));
            assertTrue(audited, "the test is in the audit log");
        } finally {
            channels.values().forEach(Alerts::deleteChannel);
        }
    }

    @Test
    void secretsAreWriteOnlyAndEncryptedAtRest() throws Exception {
        String name = Alerts.unique("it-secret");
        String token = "T0KEN" + name.replace("-", "");
        String password = "PW" + name.replace("-", "");
        long hook = Alerts.channel("{\"name\":\"" + name + "\",\"kind\":\"slack\",\"url\":\"" + Alerts.webhookBase()
                + "services/" + token + "\",\"enabled\":false}");
        long mail = Alerts.channel("{\"name\":\"" + name + "-mail\",\"kind\":\"email\",\"enabled\":false,\"smtp\":"
                + "{\"host\":\"127.0.0.1\",\"port\":2525,\"username\":\"u\",\"password\":\"" + password + "\"},"
                + "\"from\":\"a@example.test\",\"to\":\"b@example.test\"}");
        try {
            for (String path : List.of("/api/v1/alerts/channels", "/api/v1/alerts/channels/" + hook,
                    "/api/v1/alerts/channels/" + mail, "/api/v1/audit?limit=50&action=alerts.channel.create")) {
                String body = Api.get(path).body();
                assertFalse(body.contains(token) || body.contains(password), path + " shows a secret: " + body);
            }
            JsonObject shown = Api.object("/api/v1/alerts/channels/" + hook);
            assertTrue(shown.getBoolean("secretSet"));
            assertTrue(shown.getString("destination").startsWith("http://127.0.0.1:"), shown.toString());
            // an update without the URL keeps it: the test still reaches the same path
            HttpResponse<String> update = Alerts.admin("PUT", "/api/v1/alerts/channels/" + hook, "{\"name\":\"" + name
                    + "\",\"kind\":\"slack\",\"enabled\":false,\"minSeverity\":\"info\"}");
            assertEquals(200, update.statusCode(), update.body());
            assertEquals("info", Api.json(update.body()).asJsonObject().getString("minSeverity"));
            assertEquals(200, Api.post("/api/v1/alerts/channels/" + hook + "/test", null).statusCode());
            assertEquals(1, Alerts.webhooks("/hooks/services/" + token).size());
            // an SMTP server that does not answer: the attempt is recorded, without the password
            HttpResponse<String> test = Api.post("/api/v1/alerts/channels/" + mail + "/test", null);
            assertFalse(test.body().contains(password), test.body());
            Path data = TestServer.SERVER_DIR.resolve("data");
            for (String file : List.of("fleet.db", "fleet.db-wal")) {
                Path f = data.resolve(file);
                if (Files.exists(f)) {
                    String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(bytes.contains(token), "the webhook token is not stored in clear in " + file);
                    assertFalse(bytes.contains(password), "the SMTP password is not stored in clear in " + file);
                }
            }
        } finally {
            Alerts.deleteChannel(hook);
            Alerts.deleteChannel(mail);
        }
    }

    @Test
    void rolesAndBadInputAreRefusedWithClearMessages() {
        assertEquals(403, Api.postAs(Alerts.OPERATOR, Alerts.OPERATOR_KEY, "/api/v1/alerts/channels",
                webhookChannel("x", "http://127.0.0.1/x", 0)).statusCode(), "admins only");
        assertEquals(403, Api.postAs(Alerts.OPERATOR, Alerts.OPERATOR_KEY, "/api/v1/alerts/maintenance",
                "{\"name\":\"x\",\"minutes\":5}").statusCode(), "admins only");
        Map<String, String> bad = Map.of(
                "not json", "{",
                "no kind", "{\"name\":\"x\",\"url\":\"http://127.0.0.1/x\"}",
                "bad kind", "{\"name\":\"x\",\"kind\":\"pager\",\"url\":\"http://127.0.0.1/x\"}",
                "bad url", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"file:///etc/passwd\"}",
                "no url", "{\"name\":\"x\",\"kind\":\"slack\"}",
                "bad severity", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"http://h/x\",\"minSeverity\":\"huge\"}",
                "bad renotify", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"http://h/x\",\"renotifySeconds\":-5}",
                "bad category", "{\"name\":\"x\",\"kind\":\"webhook\",\"url\":\"http://h/x\",\"categories\":[\"mood\"]}",
                "email without smtp", "{\"name\":\"x\",\"kind\":\"email\",\"from\":\"a@b.c\",\"to\":\"d@e.f\"}",
                "bad recipient", "{\"name\":\"x\",\"kind\":\"email\",\"smtp\":{\"host\":\"h\"},\"from\":\"a@b.c\","
                        + "\"to\":\"not an address\"}");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<String> r = Api.post("/api/v1/alerts/channels", b.getValue());
            assertEquals(400, r.statusCode(), b.getKey() + ": " + r.body());
            assertTrue(r.body().contains("\"bad_request\""), r.body());
            assertFalse(r.body().toLowerCase(java.util.Locale.ROOT).contains("exception"), r.body());
        }
        assertEquals(404, Api.get("/api/v1/alerts/channels/987654321").statusCode());
        assertEquals(400, Api.get("/api/v1/alerts/channels/abc").statusCode());
        assertEquals(404, Api.post("/api/v1/alerts/channels/987654321/test", null).statusCode());
        assertEquals(404, Api.postAs(Alerts.OPERATOR, Alerts.OPERATOR_KEY, "/api/v1/alerts/acks/987654321", null)
                .statusCode());
        assertEquals(400, Api.post("/api/v1/alerts/maintenance", "{\"name\":\"x\",\"minutes\":0}").statusCode());
        assertEquals(400, Api.post("/api/v1/alerts/maintenance", "{\"name\":\"x\",\"startsAt\":\"2026-01-02T00:00:00Z\","
                + "\"endsAt\":\"2026-01-01T00:00:00Z\"}").statusCode());
        String name = Alerts.unique("it-dup");
        long first = Alerts.channel(webhookChannel(name, "http://127.0.0.1:9/x", 0));
        try {
            assertEquals(409, Api.post("/api/v1/alerts/channels", webhookChannel(name, "http://127.0.0.1:9/y", 0))
                    .statusCode(), "names are unique");
        } finally {
            Alerts.deleteChannel(first);
        }
    }
}
