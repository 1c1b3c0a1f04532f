package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Reply;
import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Route;
import io.fleetdashboard.simulator.entity.FaultRule;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One simulated Portainer server on its own loopback port (JDK HttpServer). The handler only computes the reply;
 * the exchange is completed later by a task on the scheduler, so latency, hangs and slow bodies hold no thread.
 * HttpServer's own dispatcher (accept/select) thread is the one thread not taken from the container; handlers run
 * on the managed executor.
 */
final class SimulatedPortainer {

    private static final Logger LOG = Logger.getLogger(SimulatedPortainer.class.getName());

    private final String name;
    private final int index;
    private final Simulation simulation;
    private final TrafficCounters counters = new TrafficCounters();
    private final AtomicLong sequence = new AtomicLong();
    private final Set<HttpExchange> hanging = ConcurrentHashMap.newKeySet();
    private volatile int port;
    private HttpServer server;

    SimulatedPortainer(String name, int index, int port, Simulation simulation) {
        this.name = name;
        this.index = index;
        this.port = port;
        this.simulation = simulation;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    TrafficCounters counters() {
        return counters;
    }

    synchronized boolean bound() {
        return server != null;
    }

    /** Binds the port; after the first bind always the same port again, so "down" can be lifted. */
    synchronized void bind() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        created.setExecutor(simulation.executor());
        created.createContext("/", this::handle);
        created.start();
        port = created.getAddress().getPort();
        server = created;
        LOG.fine(() -> name + " listening on " + baseUrl());
    }

    /** Closes the listening socket and every open connection: clients get connection refused. */
    synchronized void unbind() {
        if (server == null) {
            return;
        }
        server.stop(0);
        server = null;
        for (HttpExchange exchange : hanging) {
            exchange.close();
        }
        hanging.clear();
    }

    /** Hung requests end (connection closed) when the fault rules change, so they do not pile up. */
    void releaseHung() {
        for (HttpExchange exchange : hanging) {
            exchange.close();
        }
        hanging.clear();
    }

    private void handle(HttpExchange exchange) {
        String requestBody = null;
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(64 << 10); // drained, so the connection can be kept alive
            in.transferTo(java.io.OutputStream.nullOutputStream());
            requestBody = bytes.length == 0 ? null : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException ignored) {
            // the client went away; the reply below will fail quietly too
        }
        String path = exchange.getRequestURI().getRawPath();
        Route route = SimulatedPortainerRoutes.route(path);
        InetSocketAddress remote = exchange.getRemoteAddress();
        counters.request(route.routeClass(), remote == null ? null : remote.getAddress().getHostAddress() + ":"
                + remote.getPort());
        long seq = sequence.incrementAndGet();
        World world = simulation.world();
        SimWorldServer model = world.server(name);
        Reply reply;
        try {
            reply = model == null ? SimulatedPortainerRoutes.text(404, "404 page not found\n")
                    : SimulatedPortainerRoutes.handle(world, model, new SimulatedPortainerRoutes.Request(exchange.getRequestMethod(),
                            decodePath(path), exchange.getRequestURI().getRawQuery(),
                            exchange.getRequestHeaders()::getFirst, requestBody), simulation.now());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + ": simulator failed on " + path, e);
            reply = SimulatedPortainerRoutes.portainerError(500, "Simulator failure", "Internal error");
        }
        long delay = simulation.latency(index, path, seq) + reply.delayMs();
        FaultRule fault = FaultPlan.match(simulation.faults(), simulation.seed(), name, path, route, seq);
        boolean slow = false;
        boolean truncate = false;
        if (fault != null) {
            switch (fault.kind()) {
                case "http_502" -> reply = new Reply(502, null, Map.of(), null, 0);
                case "http_500" -> reply = SimulatedPortainerRoutes.portainerError(fault.status() == null ? 500 : fault.status(),
                        "Simulated failure", "Injected http_500 fault");
                case "latency" -> delay += fault.latencyMs() == null ? 0 : fault.latencyMs();
                case "truncated_json" -> truncate = true;
                case "bad_item" -> reply = new Reply(reply.status(), reply.contentType(), reply.headers(),
                        reply.body() == null ? null : FaultPlan.spoilFirstItem(reply.body()), reply.delayMs());
                case "slow_body" -> slow = true;
                case "hang" -> {
                    if (fault.durationMs() == null) {
                        hanging.add(exchange); // never answered; closed when the server goes down or stops
                        return;
                    }
                    delay += fault.durationMs();
                }
                default -> { }
            }
        }
        Reply finalReply = reply;
        boolean finalTruncate = truncate;
        int rate = fault != null && fault.bytesPerSecond() != null && fault.bytesPerSecond() > 0
                ? fault.bytesPerSecond() : 2048;
        boolean finalSlow = slow;
        simulation.scheduler().schedule(() -> respond(exchange, finalReply, finalTruncate, finalSlow ? rate : 0),
                delay, TimeUnit.MILLISECONDS);
    }

    private static String decodePath(String raw) {
        return raw.indexOf('%') < 0 ? raw : java.net.URLDecoder.decode(raw.replace("+", "%2B"),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private void respond(HttpExchange exchange, Reply reply, boolean truncate, int slowRate) {
        try {
            var headers = exchange.getResponseHeaders();
            if (reply.contentType() != null) {
                headers.set("Content-Type", reply.contentType());
            }
            headers.set("X-Content-Type-Options", "nosniff");
            reply.headers().forEach(headers::set);
            byte[] body = reply.body() == null ? new byte[0] : reply.body();
            if (truncate && body.length > 1) {
                body = Arrays.copyOf(body, body.length / 2);
            }
            boolean noBody = body.length == 0 || exchange.getRequestMethod().equals("HEAD") || reply.status() == 204
                    || reply.status() == 304;
            if (noBody) {
                exchange.sendResponseHeaders(reply.status(), -1);
                exchange.close();
                return;
            }
            boolean stream = LogStream.MULTIPLEXED.equals(reply.contentType()) || LogStream.RAW.equals(reply.contentType());
            exchange.sendResponseHeaders(reply.status(), stream ? 0 : body.length);
            if (slowRate > 0) {
                trickle(exchange, body, 0, Math.max(1, slowRate / 10));
                return;
            }
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
            exchange.close();
        }
    }

    /** slow_body: one small chunk every 100 ms, each written by a new scheduled task. */
    private void trickle(HttpExchange exchange, byte[] body, int offset, int chunk) {
        try {
            int n = Math.min(chunk, body.length - offset);
            OutputStream out = exchange.getResponseBody();
            out.write(body, offset, n);
            out.flush();
            if (offset + n >= body.length) {
                out.close();
                return;
            }
            simulation.scheduler().schedule(() -> trickle(exchange, body, offset + n, chunk), 100,
                    TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            exchange.close();
        }
    }
}
