package io.fleetdashboard.simulator.control;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The HTTP server of one of the simulation's stand-ins (LLM, Elasticsearch, webhook sink): a free port on loopback,
 * answered on the simulation's threads, bound and unbound with the simulation.
 */
final class LoopbackHttp {

    private final Simulation simulation;
    private final HttpHandler handler;
    private HttpServer server;

    LoopbackHttp(Simulation simulation, HttpHandler handler) {
        this.simulation = simulation;
        this.handler = handler;
    }

    synchronized void bind() throws IOException {
        if (server != null) {
            return;
        }
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        created.setExecutor(simulation.executor());
        created.createContext("/", handler);
        created.start();
        server = created;
    }

    synchronized void unbind() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** The port listened on, 0 while unbound. */
    synchronized int port() {
        return server == null ? 0 : server.getAddress().getPort();
    }

    /** "http://127.0.0.1:port" followed by the path, or null while unbound. */
    synchronized String url(String path) {
        return server == null ? null : "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
