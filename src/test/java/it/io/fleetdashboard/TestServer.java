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
        long pid = Long.parseLong(Files.readString(PID_FILE).trim());
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("no server process " + pid));
        if (!server.destroyForcibly()) {
            throw new AssertionError("could not kill " + pid);
        }
        server.onExit().get(60, TimeUnit.SECONDS);
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
