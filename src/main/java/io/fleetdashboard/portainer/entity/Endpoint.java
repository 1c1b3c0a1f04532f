package io.fleetdashboard.portainer.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Portainer endpoint as our code sees it, translated from the wire by the gateway.
 *
 * @param online        edge-aware: Heartbeat for edge endpoints (docs/portainer.md, "Online or offline"),
 *                      Status == 1 otherwise
 * @param lastCheckIn   edge endpoints only, null when never checked in
 * @param associated    false for an edge endpoint with no EdgeID (no agent registered yet)
 * @param tagIds        its TagIds (never null)
 * @param groupName     its group's name, null when not known (see {@link #named})
 * @param tags          its tags' names (never null; "#id" for a tag whose name is not known)
 */
public record Endpoint(int id, String name, EndpointType type, boolean asyncEdge, int rawStatus, boolean online,
                       Instant lastCheckIn, int checkinIntervalSeconds, String agentVersion, String url,
                       int groupId, boolean associated, List<Integer> tagIds, String groupName, List<String> tags)
        implements java.io.Serializable {

    /** A snapshot written before tags were kept deserializes with none. */
    public Endpoint {
        tagIds = tagIds == null ? List.of() : tagIds;
        tags = tags == null ? List.of() : tags;
    }

    /** Without tags and group name. */
    public Endpoint(int id, String name, EndpointType type, boolean asyncEdge, int rawStatus, boolean online,
                    Instant lastCheckIn, int checkinIntervalSeconds, String agentVersion, String url, int groupId,
                    boolean associated) {
        this(id, name, type, asyncEdge, rawStatus, online, lastCheckIn, checkinIntervalSeconds, agentVersion, url,
                groupId, associated, List.of(), null, List.of());
    }

    /** This endpoint with its group's and tags' names from Portainer's lists (id to name). */
    public Endpoint named(Map<Integer, String> groups, Map<Integer, String> tagNames) {
        List<String> names = new ArrayList<>(tagIds.size());
        for (Integer tag : tagIds) {
            names.add(tagNames.getOrDefault(tag, "#" + tag));
        }
        return new Endpoint(id, name, type, asyncEdge, rawStatus, online, lastCheckIn, checkinIntervalSeconds,
                agentVersion, url, groupId, associated, tagIds, groups.get(groupId), List.copyOf(names));
    }

    /** Whether Docker calls through Portainer's proxy can work at all: no calls to offline or async edge endpoints. */
    public boolean dockerReachable() {
        return online && type.docker() && !asyncEdge && (!type.edge() || associated);
    }
}
