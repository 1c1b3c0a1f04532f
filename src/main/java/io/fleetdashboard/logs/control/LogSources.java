package io.fleetdashboard.logs.control;

import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.logs.entity.LogChannel;
import io.fleetdashboard.logs.entity.LogLine;
import io.fleetdashboard.logs.entity.LogTarget;
import io.fleetdashboard.logs.entity.LogTargets;
import io.fleetdashboard.logs.entity.LogsUnavailableException;
import io.fleetdashboard.logs.entity.LogsUnavailableException.Reason;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerLogSource;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds out whether a container's logs can be read before a stream is opened: a known environment, an endpoint
 * whose Docker can be asked (not offline, not an asynchronous edge agent, by the fleet snapshot), and Docker's
 * inspect (TTY or multiplexed, dead, log driver none). Anything else is a {@link LogsUnavailableException} with
 * a sentence for the user, or the gateway's PortainerException (timeouts, Portainer down).
 */
@ApplicationScoped
public class LogSources {

    @Inject
    Environments environments;

    @Inject
    Snapshots snapshots;

    @Inject
    PortainerGateway gateway;

    public LogTarget resolve(ContainerKey key) {
        EnvironmentConnection connection = connection(key);
        Optional<FleetEndpoint> endpoint = snapshots.ifPresent().flatMap(s -> s.endpoint(key.endpointKey()));
        if (endpoint.isPresent() && !endpoint.get().endpoint().dockerReachable()) {
            String name = endpoint.get().name();
            throw new LogsUnavailableException(Reason.UNREACHABLE, endpoint.get().online()
                    ? "Endpoint '" + name + "' is an asynchronous edge agent: its Docker cannot be asked for logs "
                    + "directly. Use the log search, or Portainer's own edge job logs."
                    : "Endpoint '" + name + "' is offline: its Docker cannot be asked for logs until it is back.");
        }
        ContainerLogSource source;
        try {
            source = gateway.logSource(connection, key.endpointId(), key.containerId());
        } catch (PortainerException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw notFound(key);
            }
            throw e;
        }
        LogTarget target = new LogTarget(key, source);
        if (source.keepsNoLogs()) {
            throw new LogsUnavailableException(Reason.NOT_KEPT, "Container '" + target.name() + "' uses the log "
                    + "driver 'none': Docker keeps no logs of it to read.");
        }
        if (source.gone()) {
            throw new LogsUnavailableException(Reason.GONE, "Container '" + target.name() + "' is " + source.status()
                    + ": Docker no longer gives out its logs.");
        }
        return target;
    }

    /** Each key resolved; one that cannot be read becomes a note line tagged with its key, the others go on. */
    public LogTargets resolveAll(List<ContainerKey> keys) {
        List<LogTarget> targets = new ArrayList<>();
        List<LogLine> notes = new ArrayList<>();
        for (ContainerKey key : keys) {
            try {
                targets.add(resolve(key));
            } catch (LogsUnavailableException | PortainerException e) {
                notes.add(new LogLine(key.containerId().substring(0, 12), LogChannel.SYSTEM, null,
                        "logs not available: " + e.getMessage(), false));
            }
        }
        return new LogTargets(targets, notes);
    }

    /** The connection for the key's environment; NOT_FOUND when there is no such environment. */
    public EnvironmentConnection connection(ContainerKey key) {
        return environments.connection(key.environment()).orElseThrow(() -> notFound(key));
    }

    private static LogsUnavailableException notFound(ContainerKey key) {
        return new LogsUnavailableException(Reason.NOT_FOUND, "No container " + key.containerId().substring(0, 12)
                + " on endpoint " + key.endpointKey() + " (removed, or an unknown environment).");
    }
}
