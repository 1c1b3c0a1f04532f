package it.io.fleetdashboard;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The Liberty server the build started for the integration tests: stop, start (with JVM arguments), wait. */
public final class TestServer {

    public static final Path SERVER_DIR = Path.of(System.getProperty("it.server.dir",
            "target/liberty/wlp/usr/servers/fleet-it"));
    private static final File SERVER_SCRIPT = SERVER_DIR.resolve("../../../bin/server").normalize().toFile();

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
