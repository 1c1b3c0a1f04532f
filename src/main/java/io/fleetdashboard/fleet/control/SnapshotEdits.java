package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetNetwork;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.FleetStack;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Small changes to a published snapshot between refreshes, such as one container after an action. The snapshot is
 * taken apart into what its refresh learned and assembled again, so every count, the stacks and the attention list
 * agree with the change; its time, duration and freshness stay those of its refresh.
 */
public final class SnapshotEdits {

    private SnapshotEdits() {
    }

    /**
     * The snapshot with the container of that key replaced (same endpoint, same place in its list); the same
     * snapshot when it does not hold that key.
     */
    public static FleetSnapshot withContainer(FleetSnapshot snapshot, String key, Container replacement) {
        return withContainer(snapshot, key, replacement, null);
    }

    /**
     * The same, with what a new inspect of it said (restart count, OOM kill, exit code) replacing the facts the
     * snapshot had for it; {@code inspected} null drops them.
     */
    public static FleetSnapshot withContainer(FleetSnapshot snapshot, String key, Container replacement,
                                              InspectionFacts inspected) {
        boolean known = Stream.concat(snapshot.containers().stream(), snapshot.offlineContainers().stream())
                .anyMatch(c -> c.key().equals(key));
        if (!known) {
            return snapshot;
        }
        Map<String, List<Container>> containers = new HashMap<>();
        Stream.concat(snapshot.containers().stream(), snapshot.offlineContainers().stream()).forEach(c ->
                containers.computeIfAbsent(c.endpointKey(), k -> new ArrayList<>())
                        .add(c.key().equals(key) ? replacement : c.container()));
        // what inspect said before the change no longer holds for that container
        Map<String, InspectionFacts> facts = new HashMap<>(snapshot.inspections());
        facts.remove(key);
        if (inspected != null) {
            facts.put(key, inspected);
        }
        return FleetSnapshot.assemble(snapshot.takenAt(), snapshot.durationMillis(), snapshot.demo(),
                harvests(snapshot, containers), facts);
    }

    /**
     * The snapshot with newer facts from inspect (by container key) merged into the ones it has; the same snapshot
     * when there are none.
     */
    public static FleetSnapshot withInspections(FleetSnapshot snapshot, Map<String, InspectionFacts> newer) {
        if (newer.isEmpty()) {
            return snapshot;
        }
        Map<String, InspectionFacts> facts = new HashMap<>(snapshot.inspections());
        facts.putAll(newer);
        Map<String, List<Container>> containers = new HashMap<>();
        Stream.concat(snapshot.containers().stream(), snapshot.offlineContainers().stream()).forEach(c ->
                containers.computeIfAbsent(c.endpointKey(), k -> new ArrayList<>()).add(c.container()));
        return FleetSnapshot.assemble(snapshot.takenAt(), snapshot.durationMillis(), snapshot.demo(),
                harvests(snapshot, containers), facts);
    }

    /** What the snapshot's refresh learned, per environment, with the containers given per endpoint key. */
    static List<EnvironmentHarvest> harvests(FleetSnapshot snapshot, Map<String, List<Container>> containers) {
        Map<String, List<Image>> images = new HashMap<>();
        for (FleetImage image : snapshot.images()) {
            images.computeIfAbsent(image.endpointKey(), k -> new ArrayList<>()).add(image.image());
        }
        Map<String, List<Network>> networks = new HashMap<>();
        for (FleetNetwork network : snapshot.networks()) {
            networks.computeIfAbsent(network.endpointKey(), k -> new ArrayList<>()).add(network.network());
        }
        Map<String, List<Stack>> stacks = new HashMap<>();
        for (FleetStack stack : snapshot.stacks()) {
            if (!stack.external()) {
                stacks.computeIfAbsent(stack.environment(), k -> new ArrayList<>()).add(stack.portainerStack());
            }
        }
        Map<String, List<EndpointHarvest>> endpoints = new HashMap<>();
        for (FleetEndpoint e : snapshot.endpoints()) {
            endpoints.computeIfAbsent(e.environment(), k -> new ArrayList<>()).add(new EndpointHarvest(e.endpoint(),
                    e.dataSource(), e.dataAt(), e.lastReadAt(), e.pending(), containers.getOrDefault(e.key(), List.of()),
                    images.getOrDefault(e.key(), List.of()), networks.getOrDefault(e.key(), List.of()), e.error(),
                    e.fetchMillis(), e.skippedItems(), e.host()));
        }
        List<EnvironmentHarvest> harvests = new ArrayList<>();
        for (EnvironmentState env : snapshot.environments()) {
            harvests.add(new EnvironmentHarvest(env.name(), env.displayName(), env.simulated(),
                    endpoints.getOrDefault(env.name(), List.of()), stacks.getOrDefault(env.name(), List.of()),
                    env.error(), env.stacksError(), env.collectedAt(), env.lastSuccessAt(), env.durationMillis()));
        }
        return harvests;
    }
}
