package io.fleetdashboard.portainer.entity;

import java.time.Instant;

/**
 * A stack deployed through Portainer (/api/stacks); active is Status == 1.
 *
 * @param created when it was created (null: not known)
 * @param updated when it was last updated (null: never, Portainer's UpdateDate 0, or not known)
 */
public record Stack(int id, String name, int endpointId, StackType type, boolean active, Instant created,
                    Instant updated) implements java.io.Serializable {

    /** Without its creation and update times. */
    public Stack(int id, String name, int endpointId, StackType type, boolean active) {
        this(id, name, endpointId, type, active, null, null);
    }
}
