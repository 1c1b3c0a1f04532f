package io.fleetdashboard.portainer.control;

import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.Image;
import io.fleetdashboard.portainer.entity.Network;
import io.fleetdashboard.portainer.entity.Stack;
import io.fleetdashboard.portainer.entity.StoredSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The one way into Portainer: translates wire JSON into our records and throws
 * {@link io.fleetdashboard.portainer.entity.PortainerException} for every failure. Blocking calls; callers fan out.
 */
@ApplicationScoped
public class PortainerGateway {

    /** Every endpoint, all pages (1-based start, X-Total-Count), without snapshots. */
    public List<Endpoint> endpoints(EnvironmentConnection environment) {
        throw new UnsupportedOperationException("not yet");
    }

    /** containers/json?all=1 of one endpoint. */
    public List<Container> containers(EnvironmentConnection environment, int endpointId) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Image> images(EnvironmentConnection environment, int endpointId) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Network> networks(EnvironmentConnection environment, int endpointId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every stack of the server in one call (/api/stacks has no pagination); callers group by endpointId. */
    public List<Stack> stacks(EnvironmentConnection environment) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Portainer's stored snapshot of an endpoint, for async edge endpoints; empty when it has none. */
    public Optional<StoredSnapshot> storedSnapshot(EnvironmentConnection environment, int endpointId) {
        throw new UnsupportedOperationException("not yet");
    }
}
