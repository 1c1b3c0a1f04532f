package io.fleetdashboard.environments.control;

import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import io.fleetdashboard.simulator.control.PortainerSimulator;
import io.fleetdashboard.simulator.entity.SimulatedServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/** The Portainer servers the dashboard collects from: configured ones, or the simulator's in demo mode. */
@ApplicationScoped
public class Environments {

    private static final Logger LOG = Logger.getLogger(Environments.class.getName());

    @Inject
    EnvironmentStore store;

    @Inject
    SecretCipher cipher;

    @Inject
    DemoMode demoMode;

    @Inject
    PortainerSimulator simulator;

    /** Decrypted connections, cached until the store changes; null means "reload". */
    private volatile List<EnvironmentConnection> cached;

    /** Enabled environments, in a stable order (by name); in demo mode the simulator's servers. */
    public List<EnvironmentConnection> active() {
        if (demoMode()) {
            return simulated();
        }
        List<EnvironmentConnection> connections = cached;
        if (connections == null) {
            connections = load();
            cached = connections;
        }
        return connections;
    }

    /** Everything to list on the settings page and the API: no keys, in any form. */
    public List<EnvironmentSummary> summaries() {
        List<EnvironmentSummary> summaries = new ArrayList<>();
        if (demoMode()) {
            simulated().forEach(s -> summaries.add(new EnvironmentSummary(s.name(), s.displayName(),
                    s.apiUrl().toString(), s.verifySsl(), "SIMULATOR", true, true)));
        }
        store.findAll().forEach(environment -> summaries.add(environment.summary()));
        return summaries;
    }

    /**
     * One environment by name, enabled or not (e.g. to test its connection from the settings page): the simulator's
     * in demo mode, else the stored one with its key decrypted. Not cached.
     */
    public Optional<EnvironmentConnection> connection(String name) {
        Optional<EnvironmentConnection> simulatedOne = demoMode()
                ? simulated().stream().filter(c -> c.name().equals(name)).findFirst() : Optional.empty();
        return simulatedOne.or(() -> store.find(name).flatMap(this::connectionOf));
    }

    /** True when no Portainer is configured and the built-in simulator stands in. */
    public boolean demoMode() {
        return demoMode.active();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) EnvironmentsChanged change) {
        cached = null;
    }

    private List<EnvironmentConnection> load() {
        List<EnvironmentConnection> connections = new ArrayList<>();
        for (Environment environment : store.findAll()) {
            if (!environment.isEnabled()) {
                continue;
            }
            connectionOf(environment).ifPresent(connections::add);
        }
        return List.copyOf(connections);
    }

    private Optional<EnvironmentConnection> connectionOf(Environment environment) {
        try {
            return Optional.of(new EnvironmentConnection(environment.getName(), environment.getDisplayName(),
                    URI.create(environment.getApiUrl()), cipher.decrypt(environment.getApiKeyCiphertext()),
                    environment.isVerifySsl(), false, environment.getTimeoutSeconds()));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Environment '" + environment.getName() + "' skipped: its API key cannot be "
                    + "decrypted (was the secret key changed?) or its URL is invalid");
            return Optional.empty();
        }
    }

    private List<EnvironmentConnection> simulated() {
        List<EnvironmentConnection> connections = new ArrayList<>();
        for (SimulatedServer server : simulator.servers()) {
            connections.add(new EnvironmentConnection(server.name(), "Simulated " + server.name(),
                    URI.create(ConfiguredEnvironments.normalizeUrl(server.baseUrl())), server.apiKey(), true, true));
        }
        return connections;
    }
}
