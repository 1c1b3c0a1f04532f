package bench.io.fleetdashboard;

import it.io.fleetdashboard.Api;
import jakarta.json.JsonStructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulated Portainer servers in their own JVM (io.fleetdashboard.simulator.boundary.StandaloneSimulator, on the
 * application's classes and the benchmark's class path, which holds JSON-B and JSON-P), as a
 * real Portainer runs: the dashboard under test reaches them only as configured environments
 * (PORTAINER_ENVIRONMENTS). Its control plane answers the same paths as the built-in one, without authentication,
 * on loopback.
 */
public final class OutOfProcessSimulator implements AutoCloseable {

    /** One simulated server as the standalone process printed it. */
    public record Standalone(String name, String baseUrl, String apiKey) {
    }

    private static final String MAIN = "io.fleetdashboard.simulator.boundary.StandaloneSimulator";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String control;
    private final List<Standalone> servers;

    private OutOfProcessSimulator(Process process, String control, List<Standalone> servers) {
        this.process = process;
        this.control = control;
        this.servers = servers;
    }

    /** Starts the process (no churn, seed 42) and waits until it printed its control URL and servers. */
    public static OutOfProcessSimulator start(int servers, int endpoints, int containers, long latencyMs,
            long jitterMs) throws IOException {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("bench.classes", "target/classes") + java.io.File.pathSeparator
                + System.getProperty("java.class.path");
        ProcessBuilder builder = new ProcessBuilder(javaCommand, "-Xmx1g", "-XX:+UseParallelGC", "-cp", classPath,
                MAIN,
                Integer.toString(servers), Integer.toString(endpoints), Integer.toString(containers),
                Long.toString(latencyMs), Long.toString(jitterMs))
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile()));
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String control = null;
        List<Standalone> list = new ArrayList<>();
        String line;
        while (list.size() < servers && (line = out.readLine()) != null) {
            if (line.startsWith("control=")) {
                control = line.substring("control=".length());
            } else if (line.startsWith("server=")) {
                String[] parts = line.substring("server=".length()).split(" ");
                list.add(new Standalone(parts[0], parts[1], parts[2]));
            }
        }
        if (control == null || list.size() < servers) {
            process.destroy();
            throw new IllegalStateException("the standalone simulator did not start");
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keeps the pipe from filling up
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "standalone-simulator-out");
        drain.setDaemon(true);
        drain.start();
        return new OutOfProcessSimulator(process, control, List.copyOf(list));
    }

    private static java.io.File logFile() throws IOException {
        java.nio.file.Files.createDirectories(BenchReport.DIR);
        return BenchReport.DIR.resolve("standalone-simulator.log").toFile();
    }

    public long pid() {
        return process.pid();
    }

    public List<Standalone> servers() {
        return servers;
    }

    /**
     * The dashboard's environment for these servers, as a real installation configures Portainer:
     * PORTAINER_ENVIRONMENTS=oop1,... with PORTAINER_OOP1_API_URL / _API_KEY.
     */
    public Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            String name = "oop" + (i + 1);
            names.add(name);
            variables.put("PORTAINER_" + name.toUpperCase() + "_API_URL", servers.get(i).baseUrl());
            variables.put("PORTAINER_" + name.toUpperCase() + "_API_KEY", servers.get(i).apiKey());
        }
        variables.put("PORTAINER_ENVIRONMENTS", String.join(",", names));
        return variables;
    }

    public JsonStructure get(String resource) {
        return Api.json(send(HttpRequest.newBuilder(URI.create(control + "/simulator/control/" + resource)).GET()));
    }

    public JsonStructure post(String resource, String json) {
        return Api.json(send(HttpRequest.newBuilder(URI.create(control + "/simulator/control/" + resource))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))));
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("standalone simulator answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("standalone simulator unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // its signal to stop
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
