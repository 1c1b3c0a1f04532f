package io.fleetdashboard.simulator.boundary;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetdashboard.simulator.control.Simulation;
import io.fleetdashboard.simulator.entity.FaultRule;
import io.fleetdashboard.simulator.entity.SettingsUpdate;
import io.fleetdashboard.simulator.entity.SimulatorSettings;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The simulated Portainer servers in a JVM of their own, as a real Portainer runs beside the dashboard (the
 * benchmark's out-of-process figures). Serves the same world as the built-in simulator, on loopback only, plus the
 * unauthenticated control plane of {@link SimulatorControlServlet} (GET truth | counters | servers | faults, POST
 * reset | config | faults) on its own loopback port. Start:
 * {@code java -cp <test classpath> io.fleetdashboard.simulator.boundary.StandaloneSimulator servers endpoints
 * containers latencyMs jitterMs [seed]}; it prints {@code control=http://127.0.0.1:<port>} and then one line
 * {@code server=<name> <baseUrl> <apiKey>} per server, and runs until its standard input closes.
 */
public final class StandaloneSimulator {

    private static final Type FAULT_LIST = new ArrayList<FaultRule>() { }.getClass().getGenericSuperclass();

    private final Simulation simulation;
    private final Jsonb jsonb = JsonbBuilder.create();

    private StandaloneSimulator(Simulation simulation) {
        this.simulation = simulation;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: StandaloneSimulator servers endpoints containers latencyMs jitterMs [seed]");
            System.exit(2);
        }
        SimulatorSettings settings = new SimulatorSettings(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), Long.parseLong(args[3]), Long.parseLong(args[4]), false,
                args.length > 5 ? Long.parseLong(args[5]) : 42, 0);
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(4,
                Runtime.getRuntime().availableProcessors() * 2));
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        Simulation simulation = new Simulation(settings, executor, scheduler, System::currentTimeMillis);
        simulation.start();
        StandaloneSimulator standalone = new StandaloneSimulator(simulation);
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        control.setExecutor(executor);
        control.createContext("/simulator/control/", standalone::handle);
        control.start();
        System.out.println("control=http://127.0.0.1:" + control.getAddress().getPort());
        standalone.printServers();
        System.out.flush();
        CountDownLatch closed = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent keeps the pipe open while it wants us
                }
            } catch (IOException ignored) {
                // the parent went away
            }
            closed.countDown();
        }, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        closed.await();
        control.stop(0);
        simulation.stop();
        executor.shutdownNow();
        scheduler.shutdownNow();
    }

    private void printServers() {
        simulation.servers().forEach(s -> System.out.println("server=" + s.name() + " " + s.baseUrl() + " "
                + s.apiKey()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String action = exchange.getRequestURI().getPath().replaceFirst("^/simulator/control/+", "")
                .replaceAll("/+$", "");
        try (exchange) {
            Object body;
            try {
                body = switch (exchange.getRequestMethod() + " " + action) {
                    case "GET truth" -> simulation.truth();
                    case "GET counters" -> simulation.counters();
                    case "GET servers" -> simulation.servers();
                    case "GET faults" -> simulation.currentFaults();
                    case "POST reset" -> {
                        simulation.reset();
                        yield simulation.servers();
                    }
                    case "POST config" -> {
                        SettingsUpdate update = jsonb.fromJson(exchange.getRequestBody(), SettingsUpdate.class);
                        if (update != null) {
                            simulation.configure(update);
                        }
                        yield simulation.servers();
                    }
                    case "POST faults" -> {
                        List<FaultRule> rules = jsonb.fromJson(exchange.getRequestBody(), FAULT_LIST);
                        simulation.faults(rules);
                        yield simulation.currentFaults();
                    }
                    default -> null;
                };
            } catch (JsonbException e) {
                reply(exchange, 400, Map.of("message", "Invalid JSON body"));
                return;
            }
            if (body == null) {
                reply(exchange, 404, Map.of("message", "Unknown control resource"));
            } else {
                reply(exchange, 200, body);
            }
        }
    }

    private void reply(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = jsonb.toJson(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
