package it.io.fleetdashboard.fleet;

import it.io.fleetdashboard.Api;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops, starts and kills the shared IT server (the Liberty server {@code ./mvnw verify} started), for the restart
 * tests. Whatever a test does, {@link #restartNormally()} leaves it running with its usual settings.
 */
final class ItServer {

    static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    private static final File SERVER_SCRIPT = SERVER_DIR.resolve("../../../bin/server").normalize().toFile();
    /** Liberty writes the server JVM's pid here ({@code WLP_OUTPUT_DIR/.pid/<server>.pid}). */
    private static final Path PID_FILE = SERVER_DIR.resolveSibling(".pid")
            .resolve(SERVER_DIR.getFileName() + ".pid");

    private ItServer() {
    }

    static void run(String action, String jvmArgs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(SERVER_SCRIPT.getPath(), action,
                SERVER_DIR.getFileName().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("JVM_ARGS", jvmArgs);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("server " + action + " failed with " + process.exitValue());
        }
    }

    /** The equivalent of {@code kill -9}: no shutdown hook, no pre-destroy, nothing flushed. */
    static void killHard() throws Exception {
        long pid = Long.parseLong(Files.readString(PID_FILE).trim());
        ProcessHandle server = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("no server process " + pid));
        if (!server.destroyForcibly()) {
            throw new AssertionError("could not kill " + pid);
        }
        server.onExit().get(60, TimeUnit.SECONDS);
    }

    static boolean answers(String path) {
        try {
            return Api.get(path).statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * After a test started the server against a slowed simulator: puts the simulator's latency back to the IT
     * server's (src/test/liberty/server.env) at run time, which outlives the simulator's resets, and refreshes; a
     * server that does not answer is restarted with its usual settings instead.
     */
    static void normalSpeedAgain() throws Exception {
        if (answers("/health/ready")) {
            Api.simulator("config", "{\"latencyMs\":5,\"jitterMs\":2}");
            Api.refresh();
        } else {
            restartNormally();
        }
    }

    /** Stops the server if it runs and starts it again with its usual settings; waits until it is ready. */
    static void restartNormally() throws Exception {
        run("stop", "");
        run("start", "");
        Api.await("the server to come back", Duration.ofSeconds(180), () -> answers("/health/ready"));
    }
}
