package io.fleetdashboard.fleet.control;

import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.fleet.entity.EndpointHarvest;
import io.fleetdashboard.fleet.entity.EnvironmentHarvest;
import io.fleetdashboard.fleet.entity.FetchError;
import io.fleetdashboard.portainer.entity.Endpoint;
import io.fleetdashboard.portainer.entity.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one refresh has learned about one environment so far, so that a snapshot can be published before its slowest
 * endpoint answers: the endpoints read by then with their new data, the others marked pending with their last
 * known data. The first result recorded for an endpoint wins (an answer that arrives after its deadline is late).
 */
final class RefreshProgress {

    private final EnvironmentConnection environment;
    private final FleetCollector.Previous previous;
    private final Map<Integer, EndpointHarvest> done = new ConcurrentHashMap<>();
    private volatile List<Endpoint> listed;
    private volatile Instant listedAt;
    private volatile List<Stack> stacks;
    private volatile FetchError stacksError;
    private volatile EnvironmentHarvest finished;

    RefreshProgress(EnvironmentConnection environment, FleetCollector.Previous previous) {
        this.environment = environment;
        this.previous = previous;
    }

    EnvironmentConnection environment() {
        return environment;
    }

    FleetCollector.Previous previous() {
        return previous;
    }

    void listed(List<Endpoint> endpoints, Instant at) {
        listedAt = at;
        listed = endpoints;
    }

    void stacks(List<Stack> read, FetchError error) {
        stacksError = error;
        stacks = read;
    }

    /** Records an endpoint's result; answers the one that counts (the first recorded). */
    EndpointHarvest endpointDone(EndpointHarvest harvest) {
        EndpointHarvest earlier = done.putIfAbsent(harvest.endpoint().id(), harvest);
        return earlier == null ? harvest : earlier;
    }

    EnvironmentHarvest finished(EnvironmentHarvest harvest) {
        finished = harvest;
        return harvest;
    }

    /** The environment as far as this refresh got: what is not read yet is pending, with its last known data. */
    EnvironmentHarvest soFar(Instant attemptAt, long millis) {
        EnvironmentHarvest complete = finished;
        if (complete != null) {
            return complete;
        }
        String name = environment.name();
        List<Endpoint> endpoints = listed;
        if (endpoints == null) {
            return new EnvironmentHarvest(name, environment.displayName(), environment.simulated(),
                    previous.endpointsOf(name, true), previous.stacksOf(name), null, null, attemptAt,
                    previous.lastSuccessOf(name), millis);
        }
        List<EndpointHarvest> harvests = endpoints.stream().map(endpoint -> {
            EndpointHarvest read = done.get(endpoint.id());
            return read != null ? read : previous.keep(name, endpoint, null, 0, true);
        }).toList();
        List<Stack> read = stacks;
        return new EnvironmentHarvest(name, environment.displayName(), environment.simulated(), harvests,
                read != null ? read : previous.stacksOf(name), null, read != null ? stacksError : null, attemptAt,
                listedAt, millis);
    }
}
