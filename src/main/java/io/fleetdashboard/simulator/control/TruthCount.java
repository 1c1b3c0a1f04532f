package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.ContainerRuntime;
import io.fleetdashboard.simulator.entity.ServerTruth;
import io.fleetdashboard.simulator.entity.SimContainer;
import io.fleetdashboard.simulator.entity.SimEndpoint;
import io.fleetdashboard.simulator.entity.SimStack;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.Truth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Computes {@link Truth} for the world at a given time (definitions in Truth's javadoc). */
public final class TruthCount {

    private TruthCount() {
    }

    public static Truth of(World world, long nowMillis) {
        long nowSec = nowMillis / 1000;
        List<ServerTruth> servers = new ArrayList<>();
        int[] sum = new int[11];
        Set<String> imageIds = new HashSet<>();
        Set<String> danglingIds = new HashSet<>();
        int stacksPortainer = 0;
        int composeUnmanaged = 0;
        int fromStoredSnapshot = 0;
        int oomKilled = 0;
        int exitedWithError = 0;
        java.util.Map<String, Integer> restartCounts = new java.util.TreeMap<>();
        for (SimWorldServer server : world.servers()) {
            int total = 0;
            int online = 0;
            int containers = 0;
            int running = 0;
            int healthy = 0;
            int unhealthy = 0;
            int restarting = 0;
            int images = 0;
            Set<String> stacks = new HashSet<>();
            for (SimEndpoint e : server.endpoints()) {
                if (!World.listed(e)) {
                    continue;
                }
                total++;
                if (world.online(e, nowSec)) {
                    online++;
                }
                if (!world.counted(e, nowSec)) {
                    continue;
                }
                images += e.images().size();
                for (var image : e.images()) {
                    imageIds.add(image.id());
                    if (image.repoTag() == null) {
                        danglingIds.add(image.id());
                    }
                }
                if (e.async()) {
                    fromStoredSnapshot += e.containers().size();
                }
                for (SimContainer c : e.containers()) {
                    ContainerRuntime rt = world.runtimeAt(c, nowMillis);
                    containers++;
                    switch (rt.state()) {
                        case "running" -> running++;
                        case "restarting" -> {
                            restarting++;
                            if (!e.async()) {
                                restartCounts.put(server.name() + ":" + e.id() + ":" + c.id, rt.restartCount());
                            }
                        }
                        case "exited", "dead" -> {
                            if (!e.async() && DockerJson.oomKilled(c, rt)) {
                                oomKilled++;
                            } else if (rt.exitCode() != 0 || rt.state().equals("dead")) {
                                exitedWithError++;
                            }
                        }
                        default -> { }
                    }
                    String status = DockerJson.status(rt, nowMillis);
                    if (status.endsWith("(healthy)")) {
                        healthy++;
                    } else if (status.endsWith("(unhealthy)")) {
                        unhealthy++;
                    }
                    if (c.project != null) {
                        stacks.add(e.id() + "|" + c.project);
                    }
                }
            }
            Set<String> managed = new HashSet<>();
            for (SimStack s : server.stacks()) {
                SimEndpoint e = server.endpoint(s.endpointId());
                if (e != null && World.listed(e)) {
                    managed.add(s.endpointId() + "|" + s.name());
                }
            }
            composeUnmanaged += (int) stacks.stream().filter(key -> !managed.contains(key)).count();
            stacksPortainer += managed.size();
            stacks.addAll(managed);
            ServerTruth t = new ServerTruth(server.name(), total, online, total - online, containers, running,
                    containers - running, healthy, unhealthy, restarting, stacks.size(), images);
            servers.add(t);
            int[] v = {total, online, total - online, containers, running, containers - running, healthy, unhealthy,
                restarting, stacks.size(), images};
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        return new Truth(servers.size(), sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6], sum[7], sum[8],
                sum[9], sum[10], imageIds.size(), danglingIds.size(), stacksPortainer, composeUnmanaged,
                fromStoredSnapshot, List.copyOf(servers), oomKilled, exitedWithError,
                java.util.Collections.unmodifiableMap(restartCounts));
    }
}
