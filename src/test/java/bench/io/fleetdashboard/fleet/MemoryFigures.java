package bench.io.fleetdashboard.fleet;

import bench.io.fleetdashboard.BenchReport;
import bench.io.fleetdashboard.Server;
import io.fleetdashboard.fleet.entity.DataSource;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.EndpointType;
import io.fleetdashboard.portainer.entity.Port;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 6: heap retained by one snapshot of 50,000 containers, built with the production entity classes and
 * FleetSnapshot.assemble from containers/json answers of the simulator; and the Liberty process's RSS.
 */
public final class MemoryFigures {

    static final int CONTAINERS = 50_000;
    static final int PER_ENDPOINT = 50;
    private static final Pattern EXIT = Pattern.compile("^(?:Exited|Restarting) \\((-?\\d+)\\)");

    private MemoryFigures() {
    }

    /** Wire containers of the simulated fleet (reachable endpoints), as Portainer returns them. */
    static List<JsonObject> wireContainers() {
        List<JsonObject> wire = new ArrayList<>();
        BeforePortainer client = new BeforePortainer(true);
        for (BeforePortainer.Target target : RefreshFigures.targets().subList(0, 1)) { // one server's variety
            for (BeforePortainer.WireEndpoint e : client.endpoints(target)) {
                if (e.dockerReachable() && wire.size() < CONTAINERS) {
                    client.get(target, "/api/endpoints/" + e.id() + "/docker/containers/json?all=1").asJsonArray()
                            .forEach(v -> wire.add(v.asJsonObject()));
                }
            }
        }
        return wire;
    }

    /** Like our gateway's translation: every string a fresh object, as a JSON parse produces. */
    static Container container(JsonObject w, int copy) {
        String name = w.getJsonArray("Names").getString(0).substring(1);
        String status = fresh(w.getString("Status"));
        Map<String, String> labels = new java.util.HashMap<>();
        if (w.get("Labels") instanceof JsonObject l) {
            l.forEach((k, v) -> labels.put(k, v instanceof JsonString s ? fresh(s.getString()) : null));
        }
        List<Port> ports = new ArrayList<>();
        if (w.get("Ports") instanceof jakarta.json.JsonArray a) {
            for (JsonValue v : a) {
                JsonObject p = v.asJsonObject();
                ports.add(new Port(p.containsKey("IP") ? fresh(p.getString("IP")) : null, p.getInt("PrivatePort", 0),
                        p.containsKey("PublicPort") ? p.getInt("PublicPort") : null, fresh(p.getString("Type", "tcp"))));
            }
        }
        List<String> networks = new ArrayList<>();
        if (w.get("NetworkSettings") instanceof JsonObject ns && ns.get("Networks") instanceof JsonObject n) {
            n.keySet().stream().sorted().forEach(k -> networks.add(fresh(k)));
        }
        Matcher exit = EXIT.matcher(status);
        return new Container(fresh(w.getString("Id")) + (copy == 0 ? "" : copy), fresh(name) + (copy == 0 ? "" : "-" + copy),
                fresh(w.getString("Image")), fresh(w.getString("ImageID")), ContainerState.parse(w.getString("State")),
                status, ContainerHealth.fromStatus(status), exit.find() ? Integer.valueOf(exit.group(1)) : null,
                Instant.ofEpochSecond(w.getJsonNumber("Created").longValue()), List.copyOf(ports),
                labels.get("com.docker.compose.project"), labels.get("com.docker.compose.service"),
                List.copyOf(networks));
    }

    private static String fresh(String s) {
        return s == null ? null : new String(s.toCharArray());
    }

    static FleetSnapshot build(List<JsonObject> wire) {
        List<EnvironmentHarvest> environments = new ArrayList<>();
        int made = 0;
        Instant now = Instant.now();
        for (int env = 1; env <= 5; env++) {
            List<EndpointHarvest> endpoints = new ArrayList<>();
            for (int id = 1; id <= CONTAINERS / PER_ENDPOINT / 5; id++) {
                List<Container> containers = new ArrayList<>(PER_ENDPOINT);
                for (int c = 0; c < PER_ENDPOINT; c++, made++) {
                    containers.add(container(wire.get(made % wire.size()), made / wire.size()));
                }
                Endpoint endpoint = new Endpoint(id, "endpoint-" + env + "-" + id, EndpointType.AGENT, false, 1, true,
                        null, 5, "2.23.0", "tcp://10.0." + env + "." + id + ":9001", 1, true);
                endpoints.add(new EndpointHarvest(endpoint, DataSource.LIVE, now, now, false, List.copyOf(containers), List.of(),
                        List.of(), null, 0));
            }
            environments.add(new EnvironmentHarvest("sim-" + env, "Simulated " + env, true, endpoints, List.of(),
                    null, null, now, now, 0));
        }
        return FleetSnapshot.assemble(now, 0, true, environments);
    }

    static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    public static void run() {
        List<JsonObject> wire = wireContainers();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] retained = new long[5];
        int containers = 0;
        for (int i = 0; i < retained.length; i++) {
            long before = usedAfterGc(memory);
            FleetSnapshot snapshot = build(wire);
            long after = usedAfterGc(memory);
            containers = snapshot.containers().size();
            retained[i] = after - before;
            if (snapshot.takenAt() == null) {
                throw new IllegalStateException(); // keeps the snapshot reachable until after the measurement
            }
        }
        long[] sorted = retained.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("containers", containers);
        p.put("distinctWireContainers", wire.size());
        p.put("method", "benchmark JVM: MemoryMXBean heap used after 3x System.gc(), before and after building"
                + " one FleetSnapshot (production records + FleetSnapshot.assemble; images/networks empty),"
                + " median of " + retained.length);
        p.put("retainedBytesMedian", median);
        p.put("retainedBytesAll", Arrays.toString(retained));
        BenchReport.add("snapshot heap per container (50,000)", "bytes", median / (double) containers, null, null,
                null, null, p);
        long rss = Server.rssBytes();
        BenchReport.add("Liberty RSS (5x200x50, after load)", "MiB", rss / 1048576.0, null, null, null, null,
                Map.of("source", "/proc/<pid>/status VmRSS of the Liberty server the suite started", "jvm", "-Xmx1g G1"));
    }
}
