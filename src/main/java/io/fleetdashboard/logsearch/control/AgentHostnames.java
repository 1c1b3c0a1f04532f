package io.fleetdashboard.logsearch.control;

import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hosts a log search can be narrowed to: the agent hostname of each endpoint, derived as the original dashboard
 * did (the host part of the endpoint's URL, read as tcp:// when it has no scheme), which is what the log shipper on
 * that host reports as host.hostname. Endpoints on a local socket have none. Several endpoints may share a host
 * (edge agents whose URL is Portainer's own): the list names them all.
 */
public final class AgentHostnames {

    /** A host and the endpoints on it ("name (environment)"). */
    public record Host(String hostname, List<String> endpoints) {
    }

    private AgentHostnames() {
    }

    public static String of(String url) {
        if (url == null || url.isBlank() || url.startsWith("unix:") || url.startsWith("npipe:")) {
            return null;
        }
        try {
            String host = URI.create(url.contains("://") ? url.strip() : "tcp://" + url.strip()).getHost();
            return host == null || host.isBlank() ? null : host;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    public static List<Host> of(FleetSnapshot snapshot) {
        Map<String, List<String>> hosts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (FleetEndpoint e : snapshot.endpoints()) {
            String host = of(e.endpoint().url());
            if (host != null) {
                hosts.computeIfAbsent(host, h -> new ArrayList<>()).add(e.endpoint().name() + " (" + e.environment()
                        + ")");
            }
        }
        List<Host> out = new ArrayList<>();
        hosts.forEach((host, endpoints) -> out.add(new Host(host, List.copyOf(endpoints))));
        return out;
    }
}
