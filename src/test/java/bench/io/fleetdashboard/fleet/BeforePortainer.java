package bench.io.fleetdashboard.fleet;

import io.fleetdashboard.portainer.entity.EndpointType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit's "before" access to Portainer, re-created: blocking calls, one at a time, and (unless {@code keepAlive})
 * a new connection per request that is closed afterwards, like `async with httpx.AsyncClient()` per call.
 * With {@code keepAlive} the same JDK client returns the socket to its keep-alive cache (the pooled variant).
 */
public final class BeforePortainer {

    /** One simulated Portainer server: base URL (without /api) and API key. */
    public record Target(String name, String baseUrl, String apiKey) {
    }

    /** What the endpoint list says about one endpoint, enough to decide which calls to make. */
    public record WireEndpoint(int id, boolean dockerReachable, boolean asyncEdgeOnline) {
    }

    private final boolean keepAlive;
    private int requests;

    public BeforePortainer(boolean keepAlive) {
        this.keepAlive = keepAlive;
    }

    public int requests() {
        return requests;
    }

    public JsonStructure get(Target target, String pathAndQuery) {
        requests++;
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(target.baseUrl() + pathAndQuery).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(60_000);
            connection.setRequestProperty("X-API-Key", target.apiKey());
            connection.setRequestProperty("Accept", "application/json");
            if (!keepAlive) {
                connection.setRequestProperty("Connection", "close"); // the server closes; the JDK caches nothing
            }
            int status = connection.getResponseCode();
            byte[] body;
            try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                body = in == null ? new byte[0] : in.readAllBytes();
            }
            if (status != 200) {
                throw new IllegalStateException(pathAndQuery + " answered " + status);
            }
            try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
                return reader.read();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (connection != null && !keepAlive) {
                connection.disconnect(); // closes the socket: the next request opens a new TCP connection
            }
        }
    }

    /** All pages of /api/endpoints (1-based start, page size 100, as our gateway reads them). */
    public List<WireEndpoint> endpoints(Target target) {
        List<WireEndpoint> all = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            JsonArray items = get(target, "/api/endpoints?start=" + (page * 100 + 1) + "&limit=100"
                    + "&excludeSnapshots=true").asJsonArray();
            for (JsonValue value : items) {
                all.add(endpoint(value.asJsonObject()));
            }
            if (items.size() < 100) {
                break;
            }
        }
        return all;
    }

    /** The same classification as our Translation.endpoint + Endpoint.dockerReachable. */
    static WireEndpoint endpoint(JsonObject wire) {
        EndpointType type = EndpointType.of(wire.getInt("Type", 0));
        boolean online = type.edge() ? wire.getBoolean("Heartbeat", false) : wire.getInt("Status", 0) == 1;
        JsonObject edge = wire.get("Edge") instanceof JsonObject e ? e : null;
        boolean asyncEdge = type == EndpointType.EDGE_AGENT && edge != null && edge.getBoolean("AsyncMode", false);
        String edgeId = wire.get("EdgeID") instanceof jakarta.json.JsonString s ? s.getString() : null;
        boolean associated = !type.edge() || (edgeId != null && !edgeId.isBlank());
        boolean reachable = online && type.docker() && !asyncEdge && (!type.edge() || associated);
        return new WireEndpoint(wire.getInt("Id"), reachable, asyncEdge && online);
    }

    /**
     * The audit's sequential refresh: for each server, the endpoint list, then for each endpoint in turn its
     * containers, images and networks (or the stored snapshot of an async edge endpoint), then the stacks.
     * Returns the number of containers read, as a sanity check.
     */
    public int refresh(List<Target> targets) {
        int containers = 0;
        for (Target target : targets) {
            for (WireEndpoint endpoint : endpoints(target)) {
                if (endpoint.dockerReachable()) {
                    String docker = "/api/endpoints/" + endpoint.id() + "/docker";
                    containers += get(target, docker + "/containers/json?all=1").asJsonArray().size();
                    get(target, docker + "/images/json");
                    get(target, docker + "/networks");
                } else if (endpoint.asyncEdgeOnline()) {
                    get(target, "/api/endpoints/" + endpoint.id());
                }
            }
            get(target, "/api/stacks");
        }
        return containers;
    }
}
