package bench.io.fleetdashboard;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The running fleet-it server as the benchmarks use it: API (Basic auth via {@link Api}), simulator, restarts. */
public final class Server {

    public static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    /** The simulator in its own JVM while a section measures against it; null: the built-in one. */
    private static volatile OutOfProcessSimulator outOfProcess;

    private Server() {
    }

    /** From now on the simulator calls below go to this out-of-process simulator (null: back to the built-in). */
    public static void simulatorOutOfProcess(OutOfProcessSimulator simulator) {
        outOfProcess = simulator;
    }

    /** POST /api/v1/refresh?wait=300: the refresh's own JSON answer. */
    public static JsonObject refresh() {
        HttpResponse<String> response = Api.post("/api/v1/refresh?wait=300", null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("refresh answered " + response.statusCode() + ": " + response.body());
        }
        return Api.json(response.body()).asJsonObject();
    }

    public static void world(int servers, int endpoints, int containers) {
        simulator("config", "{\"servers\":" + servers + ",\"endpoints\":" + endpoints + ",\"containers\":"
                + containers + ",\"latencyMs\":20,\"jitterMs\":5,\"churn\":false}");
    }

    public static void resetCounters() {
        simulator("reset", "{}");
    }

    public static JsonObject counters() {
        OutOfProcessSimulator standalone = outOfProcess;
        return standalone == null ? Api.object("/simulator/control/counters")
                : standalone.get("counters").asJsonObject();
    }

    public static JsonObject truth() {
        OutOfProcessSimulator standalone = outOfProcess;
        return standalone == null ? Api.object("/simulator/control/truth") : standalone.get("truth").asJsonObject();
    }

    public static JsonArray servers() {
        OutOfProcessSimulator standalone = outOfProcess;
        return standalone == null ? Api.json(Api.get("/simulator/control/servers").body()).asJsonArray()
                : standalone.get("servers").asJsonArray();
    }

    private static void simulator(String command, String json) {
        OutOfProcessSimulator standalone = outOfProcess;
        if (standalone == null) {
            Api.simulator(command, json);
        } else {
            standalone.post(command, json);
        }
    }

    /** An HttpClient with its own cookie jar, signed in through the sign-in form (view state + session cookie). */
    public static HttpClient signedInBrowser() {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/signin.xhtml"))
                    .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher viewState = VIEW_STATE.matcher(form.body());
            if (!viewState.find()) {
                throw new IllegalStateException("No view state on the sign-in page: " + form.statusCode());
            }
            String body = String.join("&", field("signInForm_SUBMIT", "1"),
                    field("signInForm:next", "/index.xhtml"),
                    field("signInForm:username", System.getProperty("it.username", "admin")),
                    field("signInForm:key", System.getProperty("it.key", "it-secret-key")),
                    field("signInForm:signInButton", ""),
                    field("jakarta.faces.ViewState", viewState.group(1)));
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(Api.BASE
                            + "/signin.xhtml")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> home = client.send(homeRequest(), HttpResponse.BodyHandlers.ofString());
            if (home.statusCode() != 200 || home.uri().getPath().contains("signin")) {
                throw new IllegalStateException("Sign-in did not reach the Home page: " + signedIn.statusCode()
                        + " then " + home.statusCode() + " " + home.uri());
            }
            return client;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpRequest homeRequest() {
        return HttpRequest.newBuilder(URI.create(Api.BASE + "/index.xhtml")).timeout(Duration.ofSeconds(60)).GET()
                .build();
    }

    private static String field(String name, String value) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** bin/server stop|start fleet-it, with extra JVM_ARGS (as RestartIT does). */
    public static void control(String action, String jvmArgs) throws Exception {
        control(action, jvmArgs, java.util.Map.of());
    }

    /** As {@link #control(String, String)}, with extra environment variables for the server process. */
    public static void control(String action, String jvmArgs, java.util.Map<String, String> environment)
            throws Exception {
        File script = SERVER_DIR.resolve("../../../bin/server").normalize().toFile();
        ProcessBuilder builder = new ProcessBuilder(script.getPath(), action, SERVER_DIR.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JVM_ARGS", jvmArgs);
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("server " + action + " failed");
        }
    }

    public static boolean answers(String path) {
        try {
            return Api.get(path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Waits (bounded) until the server answers an authenticated API call. */
    public static boolean awaitUp(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (answers("/api/v1/me")) {
                return true;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L); // poll interval of an await
        }
        return false;
    }

    /**
     * Starts the server again if something outside the suite stopped it (on a shared machine other sessions stop
     * Liberty JVMs); returns whether it had to.
     */
    public static boolean ensureUp() throws Exception {
        // a server still starting its application (slow on a loaded machine) is up, not stopped
        if (answers("/api/v1/me") || (running() && awaitUp(Duration.ofSeconds(180)))) {
            return false;
        }
        control("start", "");
        if (!awaitUp(Duration.ofSeconds(180))) {
            throw new IllegalStateException("the server did not come back");
        }
        refresh();
        return true;
    }

    /** Whether the server's process runs (its pid file names a live process). */
    static boolean running() {
        try {
            Path pidFile = SERVER_DIR.resolve("../.pid/" + SERVER_DIR.getFileName() + ".pid").normalize();
            return Files.exists(pidFile) && ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    .map(ProcessHandle::isAlive).orElse(false);
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    /** The Liberty process id, from its pid file. */
    public static long pid() {
        try {
            Path pidFile = SERVER_DIR.resolve("../.pid/" + SERVER_DIR.getFileName() + ".pid").normalize();
            return Long.parseLong(Files.readString(pidFile).strip());
        } catch (java.io.IOException | NumberFormatException e) {
            throw new IllegalStateException("no Liberty pid: " + e, e);
        }
    }

    /** CPU time (user + system) the Liberty JVM has used so far, in nanoseconds (/proc/&lt;pid&gt;/stat). */
    public static long cpuNanos() {
        return cpuNanos(pid());
    }

    /** CPU time (user + system) a process has used so far, in nanoseconds. */
    public static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos)
                .orElseThrow(() -> new IllegalStateException("no CPU time of process " + pid));
    }

    /** Resident set size of the Liberty process, from /proc/&lt;pid&gt;/status (kB → bytes); -1 if unknown. */
    public static long rssBytes() {
        try {
            Path pidFile = SERVER_DIR.resolve("../.pid/" + SERVER_DIR.getFileName() + ".pid").normalize();
            String pid = Files.readString(pidFile).strip();
            List<String> status = Files.readAllLines(Path.of("/proc", pid, "status"));
            for (String line : status) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (Exception e) {
            System.out.println("[bench] RSS unavailable: " + e);
        }
        return -1;
    }

    /** Percentile (0..100) of a sample, nearest rank. */
    /** Sequential signed-in GETs of the Home page (full render); each one's milliseconds. */
    public static double[] timeHome(HttpClient browser, int n) throws Exception {
        return timeHome(browser, n, null);
    }

    /**
     * As {@link #timeHome(HttpClient, int)}; with {@code failures} given, a failed GET (I/O error or not 200) is
     * counted there and repeated (at most n failures) instead of ending the measurement.
     */
    public static double[] timeHome(HttpClient browser, int n, AtomicLong failures) throws Exception {
        double[] millis = new double[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            String failure;
            try {
                int status = browser.send(homeRequest(), HttpResponse.BodyHandlers.ofString()).statusCode();
                failure = status == 200 ? null : "Home page answered " + status;
            } catch (java.io.IOException e) {
                failure = "Home page failed: " + e;
            }
            if (failure == null) {
                millis[i] = millisSince(started);
            } else if (failures != null && failures.incrementAndGet() <= n) {
                i--;
            } else {
                throw new IllegalStateException(failure);
            }
        }
        return millis;
    }

    public static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public static double median(double[] values) {
        return percentile(values, 50);
    }

    public static double millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e6;
    }
}
