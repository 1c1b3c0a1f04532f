package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StackType;
import java.io.Serializable;
import java.time.Instant;

/**
 * A stack: deployed through Portainer, or an "external" compose project known only from container labels.
 *
 * @param key         "environment:endpointId:name"
 * @param portainerId Portainer's stack id, null for external compose projects
 * @param active      Portainer's Status 1 for managed stacks; any running container for external ones
 * @param created     Portainer's creation time of a managed stack (null for external ones or when not known)
 * @param updated     Portainer's last update of a managed stack (null: never updated, external or not known)
 */
public record FleetStack(String key, String environment, String endpointKey, String endpointName, String name,
                         Integer portainerId, StackType type, boolean active, int containers, int running,
                         Instant created, Instant updated)
        implements Serializable {

    /** Without creation and update times. */
    public FleetStack(String key, String environment, String endpointKey, String endpointName, String name,
                      Integer portainerId, StackType type, boolean active, int containers, int running) {
        this(key, environment, endpointKey, endpointName, name, portainerId, type, active, containers, running, null,
                null);
    }

    /** Portainer's stack record of a managed stack (to keep it when a refresh cannot read the stack list). */
    public Stack portainerStack() {
        int endpointId = Integer.parseInt(endpointKey.substring(endpointKey.lastIndexOf(':') + 1));
        return new Stack(portainerId, name, endpointId, type, active, created, updated);
    }

    public boolean external() {
        return portainerId == null;
    }
}
