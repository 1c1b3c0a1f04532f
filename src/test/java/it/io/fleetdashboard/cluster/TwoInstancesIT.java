package it.io.fleetdashboard.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.database.control.TestPostgres;
import it.io.fleetdashboard.AuthIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two dashboard instances on loopback sharing one PostgreSQL (server-config/postgresql.xml) and their HTTP sessions
 * (server-config/session-cache.xml, Hazelcast members on loopback), as in "Running several instances": a session
 * made on one is valid on the other; one collects (only its simulator sees Portainer traffic, the other's counters stay still), the other
 * serves the snapshot it published, and when the collector is killed with {@code kill -9}, the other takes the lease
 * and collects within the lease time; the failover time is measured and printed.
 */
class TwoInstancesIT {

    static final long LEASE_SECONDS = 6;
    static final Path WLP = Path.of(System.getProperty("cluster.wlp.dir", "target/liberty/wlp"));
    static final String TEMPLATE = System.getProperty("cluster.template", "fleet-cluster");
    static final Path FRAGMENT = Path.of(System.getProperty("cluster.fragment", "server-config/postgresql.xml"));
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:it-secret-key"
            .getBytes(StandardCharsets.UTF_8));

    record Instance(String name, int httpPort, int httpsPort, int hazelcastPort) {
        String server() {
            return "fleet-cluster-" + name;
        }

        String base() {
            return "http://localhost:" + httpPort;
        }
    }

    static final Instance A = new Instance("a", Integer.getInteger("cluster.a.http.port", 9241),
            Integer.getInteger("cluster.a.https.port", 9674), Integer.getInteger("cluster.a.hazelcast.port", 9245));
    static final Instance B = new Instance("b", Integer.getInteger("cluster.b.http.port", 9242),
            Integer.getInteger("cluster.b.https.port", 9675), Integer.getInteger("cluster.b.hazelcast.port", 9246));

    @BeforeAll
    static void startCluster() throws Exception {
        PGSimpleDataSource database = TestPostgres.newDatabase();
        for (Instance instance : List.of(A, B)) {
            prepare(instance, database);
        }
        // a first, so that it takes the lease; b joins once a is ready
        server("start", A);
        awaitReady(A);
        server("start", B);
        awaitReady(B);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (Instance instance : List.of(A, B)) {
            try {
                server("stop", instance);
            } catch (AssertionError | IOException e) {
                // already gone (the killed leader)
            }
        }
    }

    @Test
    void oneCollectsTheOtherServesItsSnapshotAndTakesOverWhenItDies() throws Exception {
        await("one leader", Duration.ofSeconds(60), () -> gauge(A, "fleet_cluster_leader") + gauge(B,
                "fleet_cluster_leader") == 1);
        Instance leader = gauge(A, "fleet_cluster_leader") == 1 ? A : B;
        Instance follower = leader == A ? B : A;
        System.out.println("[cluster] leader " + leader.name() + ", follower " + follower.name());

        // a session made on one instance is valid on the other (HTTP sessions in the Hazelcast JCache)
        String session = AuthIT.signIn(HTTP, A.base(), "admin", "it-secret-key", false).sessionAfter();
        assertEquals(200, withCookie(A, "JSESSIONID=" + session).statusCode(), "signed in on a");
        assertEquals(200, withCookie(B, "JSESSIONID=" + session).statusCode(), "the same session on b");
        assertEquals(401, withCookie(B, "JSESSIONID=not-a-session").statusCode(), "no session, no access");

        // one Hazelcast member per JVM, shared by the sessions and the snapshot: a cluster of exactly two
        await("a Hazelcast cluster of two members", Duration.ofSeconds(60), () ->
                gauge(A, "fleet_cluster_cache_members") == 2 && gauge(B, "fleet_cluster_cache_members") == 2);

        // failed sign-ins are counted in the shared cache: the free failures made on a leave b none of its own
        String guesser = "cluster-guesser-" + java.util.UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, withBasic(A, guesser, "guess" + i).statusCode(), "a free failure on a");
        }
        int failuresOnB = 0;
        HttpResponse<String> attempt = withBasic(B, guesser, "guess-b");
        while (attempt.statusCode() == 401 && failuresOnB < 5) {
            failuresOnB++;
            attempt = withBasic(B, guesser, "guess-b" + failuresOnB);
        }
        assertEquals(429, attempt.statusCode(), attempt.body());
        // counted per instance, b would allow three failures of its own and lock only after a fourth
        assertTrue(failuresOnB < 3, "b locked after " + failuresOnB + " failure(s) of its own");
        System.out.printf("[cluster] THROTTLE: after 3 failures on a, b refused the guesser after %d failure(s) of "
                + "its own%n", failuresOnB);

        double fromDatabase = counter(follower, "fleet_cluster_snapshot_loads_total", "database");
        double fromHazelcast = counter(follower, "fleet_cluster_snapshot_loads_total", "hazelcast");
        long leaderCalls = simulatorRequests(leader);
        long followerCalls = simulatorRequests(follower);
        Instant before = Instant.parse(object(leader, "/api/v1/dashboard/summary").getString("takenAt"));
        HttpResponse<String> refresh = post(follower, "/api/v1/refresh?wait=30");
        assertEquals(200, refresh.statusCode(), refresh.body());
        await("the leader's refresh asked for by the follower", Duration.ofSeconds(60), () ->
                Instant.parse(object(leader, "/api/v1/dashboard/summary").getString("takenAt")).isAfter(before));
        Instant published = Instant.parse(object(leader, "/api/v1/dashboard/summary").getString("takenAt"));
        await("the follower to serve the leader's snapshot", Duration.ofSeconds(30), () ->
                Instant.parse(object(follower, "/api/v1/dashboard/summary").getString("takenAt")).equals(published));
        assertTrue(counter(follower, "fleet_cluster_snapshot_loads_total", "hazelcast") > fromHazelcast,
                "the follower loaded the leader's snapshot from Hazelcast");
        assertEquals(fromDatabase, counter(follower, "fleet_cluster_snapshot_loads_total", "database"),
                "the database copy is not read while Hazelcast has the snapshot");
        assertTrue(counter(leader, "fleet_cluster_snapshot_publishes_total", "hazelcast") >= 1);
        System.out.printf("[cluster] SNAPSHOT: the follower loaded %.0f snapshot(s) from Hazelcast, %.0f from the "
                + "database%n", counter(follower, "fleet_cluster_snapshot_loads_total", "hazelcast"),
                counter(follower, "fleet_cluster_snapshot_loads_total", "database"));
        assertTrue(simulatorRequests(leader) > leaderCalls, "the leader collected");
        assertEquals(followerCalls, simulatorRequests(follower), "no Portainer traffic from the follower");
        assertEquals(0, gauge(follower, "fleet_cluster_leader"));
        assertEquals(object(leader, "/api/v1/dashboard/summary").getInt("containersTotal"),
                object(follower, "/api/v1/dashboard/summary").getInt("containersTotal"));

        // kill -9 the leader: the follower takes the lease and collects within the lease time
        long followerBeforeFailover = simulatorRequests(follower);
        long killedAt = System.nanoTime();
        killHard(leader);
        await("the follower to take over and collect", Duration.ofSeconds(LEASE_SECONDS * 3 + 30), () ->
                gauge(follower, "fleet_cluster_leader") == 1 && simulatorRequests(follower) > followerBeforeFailover);
        double failoverSeconds = (System.nanoTime() - killedAt) / 1e9;
        System.out.printf("[cluster] FAILOVER: %s killed (kill -9); %s took the lease and called Portainer "
                + "%.1f s later (CLUSTER_LEASE_SECONDS=%d)%n", leader.name(), follower.name(), failoverSeconds,
                LEASE_SECONDS);
        assertTrue(gauge(follower, "fleet_cluster_takeovers") >= 1);
        await("the new leader's snapshot", Duration.ofSeconds(60), () ->
                Instant.parse(object(follower, "/api/v1/dashboard/summary").getString("takenAt")).isAfter(published));
    }

    // ---------------------------------------------------------------------------------------------- servers

    static void prepare(Instance instance, PGSimpleDataSource database) throws IOException {
        Path template = WLP.resolve("usr/servers").resolve(TEMPLATE);
        Path dir = WLP.resolve("usr/servers").resolve(instance.server());
        deleteTree(dir);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = template.relativize(source);
                if (relative.startsWith("logs") || relative.startsWith("workarea") || relative.startsWith("data")) {
                    continue;
                }
                Path target = dir.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Path overrides = Files.createDirectories(dir.resolve("configDropins/overrides"));
        Files.copy(FRAGMENT, overrides.resolve("postgresql.xml"), StandardCopyOption.REPLACE_EXISTING);
        Path configs = FRAGMENT.getParent();
        Files.copy(configs.resolve("session-cache.xml"), overrides.resolve("session-cache.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(configs.resolve("hazelcast.xml"), dir.resolve("hazelcast.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("jvm.options"), (Files.exists(template.resolve("jvm.options"))
                ? Files.readString(template.resolve("jvm.options")) + "\n" : "")
                + "-Dfleet.hazelcast.port=" + instance.hazelcastPort() + "\n-Dfleet.hazelcast.members=127.0.0.1:"
                + A.hazelcastPort() + ",127.0.0.1:" + B.hazelcastPort() + "\n");
        Files.writeString(dir.resolve("bootstrap.properties"), "http.port=" + instance.httpPort() + "\nhttps.port="
                + instance.httpsPort() + "\n");
        String env = Files.readString(template.resolve("server.env")) + "\n# cluster suite\n"
                + "DASHBOARD_DB_HOST=127.0.0.1\nDASHBOARD_DB_PORT=" + database.getPortNumbers()[0] + "\n"
                + "DASHBOARD_DB_NAME=" + database.getDatabaseName() + "\nDASHBOARD_DB_USER=fleet\n"
                + "DASHBOARD_DB_SSLMODE=disable\n"
                + "DASHBOARD_SECRET_KEY=cluster-suite-shared-secret-key\n"
                + "CLUSTER_LEASE_SECONDS=" + LEASE_SECONDS + "\nCLUSTER_INSTANCE_ID=" + instance.name() + "\n"
                + "CLUSTER_SNAPSHOT_POLL_MILLIS=500\n";
        Files.writeString(dir.resolve("server.env"), env);
    }

    static void server(String action, Instance instance) throws Exception {
        Process process = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, instance.server())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(420, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("server " + action + " " + instance.server() + " failed");
        }
    }

    static void killHard(Instance instance) throws Exception {
        Path pidFile = WLP.resolve("usr/servers/.pid").resolve(instance.server() + ".pid");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        process.destroyForcibly(); // SIGKILL: no shutdown, the lease is not released
        process.onExit().get(60, TimeUnit.SECONDS);
    }

    static void awaitReady(Instance instance) {
        await(instance.server() + " ready", Duration.ofSeconds(240), () -> {
            try {
                return get(instance, "/health/ready").statusCode() == 200;
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    static HttpResponse<String> get(Instance instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(instance.base() + path)).header("Authorization", AUTH).GET());
    }

    /** The summary with only a session cookie (no Basic authorization). */
    static HttpResponse<String> withCookie(Instance instance, String cookie) {
        return send(HttpRequest.newBuilder(URI.create(instance.base() + "/api/v1/dashboard/summary"))
                .header("Cookie", cookie).GET());
    }

    /** The summary with HTTP Basic credentials of the caller's choosing. */
    static HttpResponse<String> withBasic(Instance instance, String user, String key) {
        return send(HttpRequest.newBuilder(URI.create(instance.base() + "/api/v1/dashboard/summary"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + key)
                        .getBytes(StandardCharsets.UTF_8))).GET());
    }

    static HttpResponse<String> post(Instance instance, String path) {
        return send(HttpRequest.newBuilder(URI.create(instance.base() + path)).header("Authorization", AUTH)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonObject object(Instance instance, String path) {
        HttpResponse<String> response = get(instance, path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " on " + instance.name() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    /** Every request the instance's own simulated Portainer servers answered. */
    static long simulatorRequests(Instance instance) {
        return object(instance, "/simulator/control/counters").getJsonArray("servers").stream()
                .map(JsonValue::asJsonObject).mapToLong(s -> s.getJsonNumber("requests").longValue()).sum();
    }

    /** A gauge of the instance's /metrics (application scope); -1 when the instance does not answer. */
    static double gauge(Instance instance, String name) {
        try {
            HttpResponse<String> response = get(instance, "/metrics?scope=application");
            Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.eE+-]+)").matcher(response.body());
            return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** A counter of the instance's /metrics (application scope) with the tag value given; 0 when absent. */
    static double counter(Instance instance, String name, String tagValue) {
        HttpResponse<String> response = get(instance, "/metrics?scope=application");
        Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*=\"" + Pattern.quote(tagValue)
                + "\"[^}]*\\} ([0-9.eE+-]+)").matcher(response.body());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    static void await(String what, Duration deadline, BooleanSupplier condition) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                // not there yet (e.g. no snapshot, a server starting)
            }
            LockSupport.parkNanos(200_000_000L); // poll interval of an await with a deadline
        }
        throw new AssertionError("Timed out after " + deadline.toSeconds() + " s waiting for " + what);
    }
}
