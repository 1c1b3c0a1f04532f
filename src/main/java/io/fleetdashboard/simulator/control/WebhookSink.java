package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import io.fleetdashboard.simulator.entity.ReceivedWebhook;
import io.fleetdashboard.simulator.entity.SinkReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A webhook receiver on its own loopback port, for the alerts: it records every POST below {@code /hooks/} (path,
 * content type, body) and answers 200 {"ok":true}, or 500 when the path contains {@code /fail} (to watch retries).
 * Keeps the last {@link #KEEP}.
 */
final class WebhookSink {

    static final int KEEP = 500;
    static final String BASE = "/hooks/";

    private final Simulation simulation;
    private final Deque<ReceivedWebhook> received = new ArrayDeque<>();
    private final LoopbackHttp http;

    WebhookSink(Simulation simulation) {
        this.simulation = simulation;
        this.http = new LoopbackHttp(simulation, this::handle);
    }

    void bind() throws IOException {
        http.bind();
    }

    void unbind() {
        http.unbind();
    }

    String url() {
        return http.url(BASE);
    }

    synchronized SinkReport<ReceivedWebhook> report(String pathPrefix) {
        List<ReceivedWebhook> list = received.stream()
                .filter(r -> pathPrefix == null || r.path().startsWith(pathPrefix)).toList();
        return new SinkReport<>(url(), "127.0.0.1", http.port(), null, list);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(1024 * 1024);
        }
        String path = exchange.getRequestURI().getPath();
        if (!exchange.getRequestMethod().equals("POST") || !path.startsWith(BASE)) {
            reply(exchange, 404, "{\"ok\":false,\"error\":\"POST below /hooks/\"}");
            return;
        }
        int status = path.contains("/fail") ? 500 : 200;
        synchronized (this) {
            received.addLast(new ReceivedWebhook(simulation.now(), path,
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8),
                    status));
            while (received.size() > KEEP) {
                received.removeFirst();
            }
        }
        reply(exchange, status, status == 200 ? "{\"ok\":true}" : "{\"ok\":false,\"error\":\"simulated failure\"}");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
