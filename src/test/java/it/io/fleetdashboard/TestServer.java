package it.io.fleetdashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The Liberty server the build started for the integration tests: stop, start (with JVM arguments), wait. */
public final class TestServer {

    public static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    private static final File SERVER_SCRIPT = SERVER_DIR.resolve("../../../bin/server").normalize().toFile();
    /** Liberty writes the server JVM's pid here ({@code WLP_OUTPUT_DIR/.pid/<server>.pid}). */
    private static final Path PID_FILE = SERVER_DIR.resolveSibling(".pid")
            .resolve(SERVER_DIR.getFileName() + ".pid");

    private TestServer() {
    }

    /** Runs bin/server stop|start for the IT server; JVM_ARGS apply to a start. */
    public static void run(String action, String jvmArgs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SERVER_SCRIPT.getPath(), action,
                SERVER_DIR.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JVM_ARGS", jvmArgs);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("server " + action + " failed with " + process.exitValue());
        }
    }

    /** Stops and starts the server as configured, and waits until it is ready. */
    public static void restart() throws Exception {
        run("stop", "");
        run("start", "");
        awaitReady();
    }

    /** The equivalent of {@code kill -9}: no shutdown hook, no pre-destroy, nothing flushed. */
    public static void killHard() throws Exception {
        long pid = pid();
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("no server process " + pid));
        if (!server.destroyForcibly()) {
            throw new AssertionError("could not kill " + pid);
        }
        server.onExit().get(60, TimeUnit.SECONDS);
    }

    /** The server JVM's process id. */
    public static long pid() throws Exception {
        return Long.parseLong(Files.readString(PID_FILE).trim());
    }

    /** A full garbage collection in the server JVM ({@code jcmd <pid> GC.run}), waited for. */
    public static void fullGc() throws Exception {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid()), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new AssertionError("jcmd GC.run failed");
        }
    }

    /** The server's used heap in bytes right after a full GC (MicroProfile Metrics' base memory gauge). */
    public static long heapAfterFullGc() throws Exception {
        fullGc();
        return Math.round(PrometheusSamples.parse(Api.get("/metrics?scope=base").body())
                .getOrDefault("memory_usedHeap_bytes", java.util.Map.of()).values().stream()
                .findFirst().orElseThrow(() -> new AssertionError("no memory_usedHeap_bytes on /metrics?scope=base")));
    }

    /**
     * After a test started the server against a slowed simulator: puts the simulator's latency back to the IT
     * server's (src/test/liberty/server.env) at run time, which outlives the simulator's resets, and refreshes; a
     * server that does not answer is restarted as configured instead.
     */
    public static void normalSpeedAgain() throws Exception {
        if (answers("/health/ready")) {
            Api.simulator("config", "{\"latencyMs\":5,\"jitterMs\":2}");
            Api.refresh();
        } else {
            restart();
        }
    }

    public static void awaitReady() {
        Api.await("the server to come back", Duration.ofSeconds(180), () -> answers("/health/ready"));
    }

    /** True when the path answers 200 (as the IT admin); false while the server is down. */
    public static boolean answers(String path) {
        try {
            return Api.get(path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
