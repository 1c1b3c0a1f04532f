package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ServerCounters;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Requests per route class and TCP connections of one simulated server. The JDK HttpServer has no accept hook,
 * so a connection is a distinct client address:port seen since the last reset (a keep-alive connection keeps its
 * port; a new connection gets a new ephemeral port).
 */
final class TrafficCounters {

    static final String[] CLASSES = {"endpoints", "docker:containers", "docker:stats", "docker:logs", "docker:images",
        "docker:networks", "stacks", "other"};

    private final LongAdder requests = new LongAdder();
    private final Map<String, LongAdder> byRoute = new ConcurrentHashMap<>();
    private final Set<String> connections = ConcurrentHashMap.newKeySet();

    void request(String routeClass, String remote) {
        requests.increment();
        byRoute.computeIfAbsent(routeClass, k -> new LongAdder()).increment();
        if (remote != null) {
            connections.add(remote);
        }
    }

    void reset() {
        requests.reset();
        byRoute.clear();
        connections.clear();
    }

    ServerCounters snapshot(String name) {
        Map<String, Long> routes = new TreeMap<>();
        for (String c : CLASSES) {
            LongAdder n = byRoute.get(c);
            routes.put(c, n == null ? 0 : n.sum());
        }
        return new ServerCounters(name, requests.sum(), connections.size(), routes);
    }
}
