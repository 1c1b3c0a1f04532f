package io.fleetdashboard.fleet.entity;

import java.time.Instant;
import java.util.List;

/**
 * One image (by id) across the endpoints in scope: where it is stored and how many containers use it.
 *
 * @param tags       its repository tags, without {@code <none>:<none>} (empty: dangling)
 * @param size       the size of one copy in bytes
 * @param endpoints  endpoints that hold a copy
 * @param containers containers (any state) created from it on those endpoints
 * @param running    of those, the running ones
 */
public record ImageUsage(String id, List<String> tags, long size, Instant created, boolean dangling, int endpoints,
                         int containers, int running) {

    /** Its first tag, or its short id when it has none. */
    public String name() {
        if (!tags.isEmpty()) {
            return tags.get(0);
        }
        String hex = id == null ? "" : id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }

    public boolean unused() {
        return containers == 0;
    }
}
