package io.fleetdashboard.containers.control;

import io.fleetdashboard.containers.entity.ContainerDetails;
import io.fleetdashboard.containers.entity.ContainerKey;
import io.fleetdashboard.containers.entity.LiveUsage;
import io.fleetdashboard.environments.control.Environments;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.metrics.control.StatsFormulas;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import io.fleetdashboard.portainer.entity.ErrorKind;
import io.fleetdashboard.portainer.entity.PortainerException;
import io.fleetdashboard.portainer.entity.StatsReading;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One container's details for a user waiting: Docker's inspect and a live stats sample through the gateway
 * (interactive bulkhead, short deadline), secrets masked and the security posture worked out here, kept briefly in
 * {@link DetailsCache}. When Docker cannot be asked (endpoint offline, Portainer unreachable, deadline passed) the
 * fleet snapshot's last-known summary is shown with the reason. Empty: no such container (unknown environment,
 * or Docker says it is gone).
 */
@ApplicationScoped
public class ContainerDetailsReader {

    @Inject
    Environments environments;

    @Inject
    Snapshots snapshots;

    @Inject
    PortainerGateway gateway;

    @Inject
    DetailsCache cache;

    Clock clock = Clock.systemUTC();

    public Optional<ContainerDetails> details(ContainerKey key) {
        Optional<ContainerDetails> cached = cache.get(key.key());
        return cached.isPresent() ? cached : read(key);
    }

    /** Reads again, whatever the cache holds (after an action, or the page's reload button). */
    public Optional<ContainerDetails> fresh(ContainerKey key) {
        cache.evict(key.key());
        return read(key);
    }

    private Optional<ContainerDetails> read(ContainerKey key) {
        Optional<EnvironmentConnection> connection = environments.connection(key.environment());
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        Optional<FleetSnapshot> snapshot = snapshots.ifPresent();
        FleetContainer known = snapshot.flatMap(s -> Stream.concat(s.containers().stream(),
                s.offlineContainers().stream()).filter(c -> c.key().equals(key.key())).findFirst()).orElse(null);
        FleetEndpoint endpoint = snapshot.flatMap(s -> s.endpoint(key.endpointKey())).orElse(null);
        String endpointName = endpoint != null ? endpoint.endpoint().name()
                : known != null ? known.endpointName() : key.endpointKey();
        if (endpoint != null && !endpoint.endpoint().dockerReachable()) {
            if (known == null) {
                return Optional.empty();
            }
            return Optional.of(remember(lastKnown(key, endpointName, known, endpoint.endpoint().online()
                    ? "The endpoint is an asynchronous edge agent: Docker cannot be asked directly."
                    : "The endpoint is offline: Docker cannot be asked.")));
        }
        ContainerInspection inspection;
        try {
            inspection = gateway.inspect(connection.get(), key.endpointId(), key.containerId());
        } catch (PortainerException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                cache.evict(key.key());
                return Optional.empty();
            }
            if (known == null) {
                throw e;
            }
            return Optional.of(remember(lastKnown(key, endpointName, known, e.getMessage())));
        }
        LiveUsage usage = null;
        String usageUnavailable = null;
        if (inspection.state().running() && !inspection.state().paused()) {
            try {
                StatsReading reading = gateway.liveStats(connection.get(), key.endpointId(), key.containerId());
                Long used = StatsFormulas.memoryUsed(reading.memory());
                Long limit = reading.memory() == null ? null : reading.memory().limit();
                usage = reading.empty() ? null : new LiveUsage(reading.read(), StatsFormulas.cpuPercent(reading),
                        used, limit, limit == null || limit == 0 ? null : StatsFormulas.memoryPercent(used, limit));
                usageUnavailable = usage == null ? "Docker reported no usage." : null;
            } catch (PortainerException e) {
                usageUnavailable = e.getMessage();
            }
        } else {
            usageUnavailable = "Not running.";
        }
        ContainerDetails details = new ContainerDetails(key.key(), key.environment(), key.endpointKey(),
                endpointName, key.containerId(), ContainerDetails.Source.LIVE, clock.instant(), null,
                known == null ? null : known.container(), inspection.withoutEnv(),
                SecretMasking.mask(inspection.env()), SecurityPosture.of(inspection), usage, usageUnavailable);
        return Optional.of(remember(details));
    }

    private ContainerDetails lastKnown(ContainerKey key, String endpointName, FleetContainer known, String why) {
        return new ContainerDetails(key.key(), key.environment(), key.endpointKey(), endpointName, key.containerId(),
                ContainerDetails.Source.SNAPSHOT, null, why, known.container(), null, null, null, null,
                "Docker could not be asked.");
    }

    private ContainerDetails remember(ContainerDetails details) {
        cache.put(details);
        return details;
    }
}
