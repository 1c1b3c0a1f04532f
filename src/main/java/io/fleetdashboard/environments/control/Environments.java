package io.fleetdashboard.environments.control;

import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Portainer servers the dashboard collects from: the stored ones (environment variables, settings page), or,
 * when a start-up component registered stand-ins for this run (demo mode's simulated servers), only those.
 */
@ApplicationScoped
public class Environments {

    private static final Logger LOG = Logger.getLogger(Environments.class.getName());

    @Inject
    EnvironmentStore store;

    @Inject
    SecretCipher cipher;

    /** Connections that live only for this run and are never stored; none: the stored environments count. */
    private volatile Supplier<List<EnvironmentConnection>> standIns = List::of;

    /** Decrypted connections, cached until the store changes; null means "reload". */
    private volatile List<EnvironmentConnection> cached;

    /**
     * Enabled environments: the stand-ins of this run (demo mode's simulated servers) first, then the stored ones by
     * name (a stored one with a stand-in's name is left out: names are unique keys).
     */
    public List<EnvironmentConnection> active() {
        List<EnvironmentConnection> runOnly = standIns.get();
        List<EnvironmentConnection> connections = cached;
        if (connections == null) {
            connections = load();
            cached = connections;
        }
        if (runOnly.isEmpty()) {
            return connections;
        }
        Set<String> taken = runOnly.stream().map(EnvironmentConnection::name).collect(Collectors.toSet());
        List<EnvironmentConnection> all = new ArrayList<>(runOnly);
        connections.stream().filter(c -> !taken.contains(c.name())).forEach(all::add);
        return List.copyOf(all);
    }

    /** True when a stand-in of this run (a simulated server in demo mode) has this name. */
    public boolean standIn(String name) {
        return standIns.get().stream().anyMatch(c -> c.name().equals(name));
    }

    /** Everything to list on the settings page and the API: no keys, in any form. */
    public List<EnvironmentSummary> summaries() {
        List<EnvironmentSummary> summaries = new ArrayList<>();
        standIns.get().forEach(s -> summaries.add(new EnvironmentSummary(s.name(), s.displayName(),
                s.apiUrl().toString(), s.verifySsl(), s.simulated() ? "SIMULATOR" : "RUN", true, s.simulated(),
                s.timeoutSeconds(), s.connectTimeoutSeconds(), s.maxConcurrency(), s.caBundle() != null, null,
                s.simulated() ? "the built-in simulator (demo mode, this run only)" : "this run only")));
        Config config = ConfigProvider.getConfig();
        store.findAll().forEach(environment -> summaries.add(environment.summary(
                environment.getSource() == EnvironmentSource.ENV
                        ? ConfiguredEnvironments.origin(environment.getDisplayName(),
                                name -> config.getOptionalValue(name, String.class))
                        : "the environments page")));
        return summaries;
    }

    /**
     * One environment by name, enabled or not (e.g. to test its connection from the settings page): a stand-in,
     * else the stored one with its key decrypted. Not cached.
     */
    public Optional<EnvironmentConnection> connection(String name) {
        return standIns.get().stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> store.find(name).flatMap(this::connectionOf));
    }

    /**
     * Registers where the environments of this run come from, in place of the stored ones (demo mode: the simulated
     * servers, as many as run at the moment). Never stored: their addresses and keys are valid for this run only.
     */
    public void useStandIns(Supplier<List<EnvironmentConnection>> connections) {
        standIns = connections;
        LOG.info(() -> "Environments for this run only: " + connections.get().stream()
                .map(EnvironmentConnection::name).toList());
    }

    /** True when the fleet's data is simulated: every environment collected from is a simulated stand-in. */
    public boolean simulatedData() {
        List<EnvironmentConnection> current = active();
        return !current.isEmpty() && current.stream().allMatch(EnvironmentConnection::simulated);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) EnvironmentsChanged change) {
        invalidate();
    }

    /**
     * Reads the stored environments again on the next {@link #active()}. The change observer does this after the
     * commit; a component that reacts to the same change (the collector's refresh) calls it too, so it never depends
     * on which observer runs first.
     */
    public void invalidate() {
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
                    environment.isVerifySsl(), false, environment.getTimeoutSeconds(), environment.getCaBundle(),
                    environment.getConnectTimeoutSeconds(), environment.getMaxConcurrency()));
        } catch (IllegalArgumentException e) {
            LOG.warning(() -> "Environment '" + environment.getName() + "' skipped: its API key cannot be "
                    + "decrypted (was the secret key changed?) or its URL is invalid");
            return Optional.empty();
        }
    }
}
