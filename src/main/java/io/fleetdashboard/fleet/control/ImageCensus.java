package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetImage;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.ImageUsage;
import io.fleetdashboard.fleet.entity.UnusedImages;
import io.fleetdashboard.portainer.entity.ContainerState;
import io.fleetdashboard.portainer.entity.Image;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts, per image id, the endpoints that store it and the containers created from it, in one pass over the
 * snapshot's image copies and one over its containers. A container uses an image when its image id is the image's id
 * on the same endpoint (an image id is its content digest, so the same id on two endpoints is the same image).
 */
final class ImageCensus {

    private ImageCensus() {
    }

    /** The images stored on the endpoints in scope (null environment / endpoint: all). */
    static List<ImageUsage> of(FleetSnapshot snapshot, String environment, String endpoint) {
        Map<String, Image> images = new LinkedHashMap<>();
        Map<String, Set<String>> endpointsOf = new HashMap<>();
        Set<String> copies = new HashSet<>();
        for (FleetImage copy : snapshot.images()) {
            if (inScope(environment, endpoint, copy.environment(), copy.endpointKey())) {
                images.putIfAbsent(copy.image().id(), copy.image());
                endpointsOf.computeIfAbsent(copy.image().id(), k -> new HashSet<>()).add(copy.endpointKey());
                copies.add(copy.endpointKey() + "|" + copy.image().id());
            }
        }
        Map<String, int[]> uses = new HashMap<>(); // id -> {containers, running}
        for (FleetContainer c : snapshot.containers()) {
            String id = c.container().imageId();
            if (id != null && images.containsKey(id) && copies.contains(c.endpointKey() + "|" + id)) {
                int[] use = uses.computeIfAbsent(id, k -> new int[2]);
                use[0]++;
                if (c.container().state() == ContainerState.RUNNING) {
                    use[1]++;
                }
            }
        }
        List<ImageUsage> result = new ArrayList<>(images.size());
        images.forEach((id, image) -> {
            int[] use = uses.getOrDefault(id, new int[2]);
            result.add(new ImageUsage(id, image.tags(), image.size(), image.created(), image.dangling(),
                    endpointsOf.get(id).size(), use[0], use[1]));
        });
        return List.copyOf(result);
    }

    /** Per endpoint that stores images: how many no container there uses, and their size; most reclaimable first. */
    static List<UnusedImages> unused(FleetSnapshot snapshot, String environment) {
        Set<String> used = new HashSet<>();
        for (FleetContainer c : snapshot.containers()) {
            if (c.container().imageId() != null) {
                used.add(c.endpointKey() + "|" + c.container().imageId());
            }
        }
        Map<String, long[]> perEndpoint = new LinkedHashMap<>(); // key -> {images, unused, bytes}
        Map<String, FleetImage> anyOf = new HashMap<>();
        for (FleetImage copy : snapshot.images()) {
            if (!inScope(environment, null, copy.environment(), copy.endpointKey())) {
                continue;
            }
            long[] tally = perEndpoint.computeIfAbsent(copy.endpointKey(), k -> new long[3]);
            anyOf.putIfAbsent(copy.endpointKey(), copy);
            tally[0]++;
            if (!used.contains(copy.endpointKey() + "|" + copy.image().id())) {
                tally[1]++;
                tally[2] += copy.image().size();
            }
        }
        List<UnusedImages> result = new ArrayList<>();
        perEndpoint.forEach((key, t) -> {
            FleetImage any = anyOf.get(key);
            result.add(new UnusedImages(key, any.endpointName(), any.environment(), (int) t[0], (int) t[1], t[2]));
        });
        result.sort(java.util.Comparator.comparingLong(UnusedImages::reclaimableBytes).reversed()
                .thenComparing(UnusedImages::endpointName, Listing.TEXT).thenComparing(UnusedImages::endpointKey));
        return List.copyOf(result);
    }

    private static boolean inScope(String environment, String endpoint, String itsEnvironment, String itsEndpoint) {
        return (environment == null || environment.equals(itsEnvironment))
                && (endpoint == null || endpoint.equals(itsEndpoint));
    }
}
