package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.StackType;
import java.io.Serializable;

/**
 * A stack: deployed through Portainer, or an "external" compose project known only from container labels.
 *
 * @param key         "environment:endpointId:name"
 * @param portainerId Portainer's stack id, null for external compose projects
 * @param active      Portainer's Status 1 for managed stacks; any running container for external ones
 */
public record FleetStack(String key, String environment, String endpointKey, String endpointName, String name,
                         Integer portainerId, StackType type, boolean active, int containers, int running)
        implements Serializable {

    public boolean external() {
        return portainerId == null;
    }
}
