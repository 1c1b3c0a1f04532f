package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Reply;
import io.fleetdashboard.simulator.control.SimulatedPortainerRoutes.Request;
import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The Docker proxy {@code /api/endpoints/{id}/docker/**} (docs/portainer.md, "The Docker proxy"): Portainer's checks,
 * then Docker.
 */
final class Docker {

    /** An offline edge agent: Portainer waits for the tunnel, then gives up (shortened from 2x check-in). */
    static final long TUNNEL_WAIT_MS = 300;

    private Docker() {
    }

    static Reply handle(World world, SimWorldServer server, Request request, Map<String, List<String>> query,
            String rawId, String version, String path, long now) {
        int id = SimulatedPortainerRoutes.parseInt(rawId, Integer.MIN_VALUE);
        if (id == Integer.MIN_VALUE) {
            return SimulatedPortainerRoutes.portainerError(400, "Invalid environment identifier route variable",
                    "Invalid route variable: id");
        }
        SimEndpoint e = server.endpoint(id);
        if (e == null) {
            return SimulatedPortainerRoutes.notFound();
        }
        long nowSec = now / 1000;
        if (e.edge()) {
            if (e.edgeId() == null) {
                return SimulatedPortainerRoutes.portainerError(500, "No Edge agent registered with the environment",
                        "No agent available");
            }
            if (e.async()) {
                return SimulatedPortainerRoutes.portainerError(500, "Unable to get the active tunnel",
                        "Cannot open a tunnel for async edge environments");
            }
            if (e.untrusted()) {
                return SimulatedPortainerRoutes.portainerError(500, "Unable to get the active tunnel",
                        "Cannot open a tunnel for an invalid environment");
            }
            if (!world.heartbeat(e, nowSec)) {
                Reply r = SimulatedPortainerRoutes.portainerError(500, "Unable to get the active tunnel", "Unable to open the tunnel");
                return new Reply(r.status(), r.contentType(), r.headers(), r.body(), TUNNEL_WAIT_MS);
            }
        } else if (e.down()) {
            // Go's ReverseProxy error handler: 502 with an empty body
            return new Reply(502, null, Map.of(), null, 0);
        }
        String method = request.method();
        Reply reply = version == null ? null : checkVersion(version);
        if (reply == null) {
            reply = route(world, server, e, method, path, query, now);
        }
        Map<String, String> headers = new LinkedHashMap<>(reply.headers());
        headers.put("Api-Version", DockerJson.API_VERSION);
        headers.put("Docker-Experimental", "false");
        headers.put("Ostype", "linux");
        headers.put("Server", "Docker/" + DockerJson.ENGINE_VERSION + " (linux)");
        if (e.type() != 1) {
            headers.put("Portainer-Agent", SimulatedPortainerRoutes.PORTAINER_VERSION);
        }
        return new Reply(reply.status(), reply.contentType(), headers, reply.body(), reply.delayMs());
    }

    /** The daemon's API version window (Q11): the /vX.Y prefix is forwarded, so Docker judges it. */
    static Reply checkVersion(String version) {
        if (compareVersions(version, DockerJson.MIN_API_VERSION) < 0) {
            return dockerError(400, "client version " + version + " is too old. Minimum supported API version is "
                    + DockerJson.MIN_API_VERSION + ", please upgrade your client to a newer version");
        }
        if (compareVersions(version, DockerJson.API_VERSION) > 0) {
            return dockerError(400, "client version " + version + " is too new. Maximum supported API version is "
                    + DockerJson.API_VERSION);
        }
        return null;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }

    static Reply dockerError(int status, String message) {
        return new Reply(status, "application/json", Map.of(),
                SimulatedPortainerRoutes.bytes(new JsonText().obj().str("message", message).endObj().toString()), 0);
    }

    private static Reply route(World world, SimWorldServer server, SimEndpoint e, String method, String path,
            Map<String, List<String>> query, long now) {
        boolean get = method.equals("GET") || method.equals("HEAD");
        if (path.equals("/_ping") && get) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Builder-Version", "2");
            h.put("Swarm", "inactive");
            h.put("Cache-Control", "no-cache, no-store, must-revalidate");
            h.put("Pragma", "no-cache");
            return new Reply(200, "text/plain; charset=utf-8", h, SimulatedPortainerRoutes.bytes("OK"), 0);
        }
        if (path.equals("/version") && get) {
            JsonText j = new JsonText();
            DockerJson.version(j);
            return SimulatedPortainerRoutes.ok(j.toString());
        }
        if (path.equals("/info") && get) {
            int running = 0;
            int paused = 0;
            for (SimContainer c : e.containers()) {
                String s = world.runtimeAt(c, now).state();
                running += s.equals("running") ? 1 : 0;
                paused += s.equals("paused") ? 1 : 0;
            }
            int total = e.containers().size();
            JsonText j = new JsonText(new StringBuilder(4096));
            DockerJson.info(j, e, total, running, paused, total - running - paused, e.images().size(), now);
            return SimulatedPortainerRoutes.ok(j.toString());
        }
        if (path.equals("/containers/json") && get) {
            String all = SimulatedPortainerRoutes.first(query, "all");
            boolean everything = all != null && (all.equals("1") || all.equalsIgnoreCase("true"));
            JsonText j = new JsonText(new StringBuilder(2300 * Math.max(1, e.containers().size())));
            j.arr();
            for (SimContainer c : e.containers()) {
                ContainerRuntime rt = world.runtimeAt(c, now);
                if (everything || rt.state().equals("running")) {
                    DockerJson.containerSummary(j, c, rt, e, world.stack(server.name(), e.id(), c.project), now);
                }
            }
            return SimulatedPortainerRoutes.ok(j.endArr().toString());
        }
        if (path.equals("/images/json") && get) {
            JsonText j = new JsonText(new StringBuilder(4096));
            j.arr();
            SimulatedPortainerRoutes.imageItems(j, e);
            return SimulatedPortainerRoutes.ok(j.endArr().toString());
        }
        if (path.equals("/networks") && get) {
            JsonText j = new JsonText(new StringBuilder(4096)).arr();
            for (String n : e.networks()) {
                DockerJson.networkItem(j, n, e, world.epochMillis() - 86_400_000L * 30);
            }
            return SimulatedPortainerRoutes.ok(j.endArr().toString());
        }
        if (path.equals("/volumes") && get) {
            JsonText j = new JsonText(new StringBuilder(4096)).obj();
            SimulatedPortainerRoutes.volumesArray(j, e, world);
            return SimulatedPortainerRoutes.ok(j.nul("Warnings").endObj().toString());
        }
        Matcher m = SimulatedPortainerRoutes.CONTAINER.matcher(path);
        if (m.matches()) {
            SimContainer c = find(e, m.group(1));
            if (c == null) {
                return dockerError(404, "No such container: " + m.group(1));
            }
            String action = m.group(2);
            boolean post = method.equals("POST");
            return switch (action) {
                case "json" -> get ? inspect(world, server, e, c, now) : notFound();
                case "stats" -> get ? SimulatedPortainerRoutes.ok(ContainerStats.json(c, world.runtimeAt(c, now), e, now,
                        world.spikeOf(c))) : notFound();
                case "logs" -> get ? logs(world, c, query, now) : notFound();
                case "start", "stop", "restart", "kill" -> post ? Actions.apply(world, c, action, now) : notFound();
                default -> notFound();
            };
        }
        return notFound();
    }

    private static Reply notFound() {
        return dockerError(404, "page not found");
    }

    private static Reply inspect(World world, SimWorldServer server, SimEndpoint e, SimContainer c, long now) {
        JsonText j = new JsonText(new StringBuilder(8192));
        DockerJson.inspect(j, c, world.runtimeAt(c, now), e, world.stack(server.name(), e.id(), c.project), now);
        return SimulatedPortainerRoutes.ok(j.toString());
    }

    /** Docker resolves a full id, a unique id prefix, or a name (with or without the leading slash). */
    static SimContainer find(SimEndpoint e, String ref) {
        String name = ref.startsWith("/") ? ref.substring(1) : ref;
        SimContainer prefixMatch = null;
        int prefixHits = 0;
        for (SimContainer c : e.containers()) {
            if (c.id.equals(ref) || c.name.equals(name)) {
                return c;
            }
            if (c.id.startsWith(ref)) {
                prefixMatch = c;
                prefixHits++;
            }
        }
        return prefixHits == 1 ? prefixMatch : null;
    }

    private static Reply logs(World world, SimContainer c, Map<String, List<String>> query, long now) {
        boolean stdout = truthy(SimulatedPortainerRoutes.first(query, "stdout"));
        boolean stderr = truthy(SimulatedPortainerRoutes.first(query, "stderr"));
        if (!stdout && !stderr) {
            return dockerError(400, "Bad parameters: you must choose at least one stream");
        }
        if (LogStream.driver(c).equals("none")) {
            return dockerError(501, "configured logging driver does not support reading");
        }
        if (world.runtimeAt(c, now).state().equals("dead")) {
            return dockerError(409, "can not get logs from container which is dead or marked for removal");
        }
        String tailText = SimulatedPortainerRoutes.first(query, "tail");
        int tail = tailText == null || tailText.equals("all") ? -1 : SimulatedPortainerRoutes.parseInt(tailText, -1);
        LogStream.Options options = new LogStream.Options(stdout, stderr, seconds(SimulatedPortainerRoutes.first(query, "since")),
                seconds(SimulatedPortainerRoutes.first(query, "until")), tail, truthy(SimulatedPortainerRoutes.first(query, "timestamps")));
        byte[] body = LogStream.render(c, world.runtimeAt(c, now), now, options);
        return new Reply(200, c.tty ? LogStream.RAW : LogStream.MULTIPLEXED, Map.of(), body, 0);
    }

    static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }

    /** Unix seconds with an optional fraction, to epoch millis; 0 when absent or invalid. */
    static long seconds(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return (long) (Double.parseDouble(value.trim()) * 1000);
        } catch (NumberFormatException bad) {
            return 0;
        }
    }
}
