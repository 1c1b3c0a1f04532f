package io.fleetdashboard.environments.control;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentInput;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import io.fleetdashboard.environments.entity.EnvironmentRejected.Why;
import io.fleetdashboard.environments.entity.EnvironmentSettings;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import io.fleetdashboard.environments.entity.EnvironmentSummary;
import io.fleetdashboard.portainer.control.PortainerGateway;
import io.fleetdashboard.portainer.entity.ConnectionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What administrators do with environments (the environments page and its API twin): add, change, enable or
 * disable, remove, and test a connection, saved or not. Environments of the variables are read-only here (only
 * enabled can change); the simulated servers of demo mode too. Every change and test is audited, never the key.
 * The store fires the change event: the client is rebuilt, the guard reset and a refresh started.
 */
@ApplicationScoped
public class EnvironmentAdmin {

    @Inject
    EnvironmentStore store;

    @Inject
    Environments environments;

    @Inject
    PortainerGateway gateway;

    @Inject
    AuditLog audit;

    /** The longest a connection test may take (a user waits for it). */
    @Inject
    @ConfigProperty(name = "environment.test.deadline.seconds", defaultValue = "8")
    int testDeadlineSeconds = 8;

    public List<EnvironmentSummary> list() {
        return environments.summaries();
    }

    public EnvironmentSummary summary(String name) {
        return environments.summaries().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> notFound(name));
    }

    public EnvironmentSummary create(EnvironmentInput input, String user, String role) {
        long started = System.nanoTime();
        EnvironmentSettings settings = EnvironmentValidation.forCreate(input);
        if (environments.standIn(settings.name()) || store.find(settings.name()).isPresent()) {
            throw new EnvironmentRejected(Why.CONFLICT, "An environment named " + settings.name()
                    + " exists already; choose another name.");
        }
        store.save(settings, EnvironmentSource.UI, input.enabled() == null || input.enabled());
        audit.record(user, role, "environment.create", settings.name(), settings.displayName(), AuditResult.SUCCESS,
                millisSince(started), describe(settings));
        return summary(settings.name());
    }

    public EnvironmentSummary update(String name, EnvironmentInput input, String user, String role) {
        long started = System.nanoTime();
        Environment stored = editable(name, "changed");
        if (stored.getSource() == EnvironmentSource.ENV) {
            if (settingsGiven(input)) {
                throw new EnvironmentRejected(Why.CONFLICT, "Environment " + name + " is defined by environment "
                        + "variables: change them there (only enabled can be changed here).");
            }
            if (input.enabled() != null && input.enabled() != stored.isEnabled()) {
                store.setEnabled(name, input.enabled());
                audit.record(user, role, input.enabled() ? "environment.enable" : "environment.disable", name,
                        stored.getDisplayName(), AuditResult.SUCCESS, millisSince(started), null);
            }
            return summary(name);
        }
        EnvironmentSettings before = new EnvironmentSettings(stored.getName(), stored.getDisplayName(),
                stored.getApiUrl(), null, stored.isVerifySsl(), stored.getTimeoutSeconds(), stored.getCaBundle(),
                stored.getConnectTimeoutSeconds(), stored.getMaxConcurrency());
        boolean wasEnabled = stored.isEnabled();
        EnvironmentSettings after = EnvironmentValidation.forUpdate(stored, input);
        String changes = changes(before, after);
        boolean enabledChange = input.enabled() != null && input.enabled() != wasEnabled;
        if (changes.isEmpty() && !enabledChange) {
            audit.record(user, role, "environment.update", name, stored.getDisplayName(), AuditResult.NO_CHANGE,
                    millisSince(started), null);
            return summary(name);
        }
        store.save(after, EnvironmentSource.UI, input.enabled());
        if (!changes.isEmpty()) {
            audit.record(user, role, "environment.update", name, after.displayName(), AuditResult.SUCCESS,
                    millisSince(started), "changed: " + changes);
        }
        if (enabledChange) {
            audit.record(user, role, input.enabled() ? "environment.enable" : "environment.disable", name,
                    after.displayName(), AuditResult.SUCCESS, millisSince(started), null);
        }
        return summary(name);
    }

    public void delete(String name, String user, String role) {
        long started = System.nanoTime();
        Environment stored = editable(name, "removed");
        if (stored.getSource() == EnvironmentSource.ENV) {
            throw new EnvironmentRejected(Why.CONFLICT, "Environment " + name + " is defined by environment "
                    + "variables: remove it there (or disable it here).");
        }
        store.delete(name);
        audit.record(user, role, "environment.delete", name, stored.getDisplayName(), AuditResult.SUCCESS,
                millisSince(started), stored.getApiUrl());
    }

    /**
     * Tests a connection: the stored (or stand-in) environment {@code name} with the {@code unsaved} changes over
     * it (a blank key keeps the stored key), or, when there is no such environment, the unsaved settings alone.
     */
    public ConnectionProbe test(String name, EnvironmentInput unsaved, String user, String role) {
        EnvironmentConnection connection = connectionToTest(name, unsaved);
        int deadline = connection.timeoutSeconds() > 0 ? Math.min(testDeadlineSeconds, connection.timeoutSeconds())
                : testDeadlineSeconds;
        ConnectionProbe probe = gateway.probe(connection, Duration.ofSeconds(deadline));
        audit.record(user, role, "environment.test", connection.name(), connection.displayName(),
                probe.ok() ? AuditResult.SUCCESS : AuditResult.FAILURE, probe.latencyMs(),
                probe.ok() ? "Portainer " + probe.version() + ", " + probe.endpoints() + " endpoint(s)"
                        : probe.reason());
        return probe;
    }

    EnvironmentConnection connectionToTest(String name, EnvironmentInput unsaved) {
        boolean hasName = name != null && !name.isBlank();
        if (hasName && environments.standIn(name)) {
            return environments.connection(name).orElseThrow(() -> notFound(name));
        }
        Environment stored = hasName ? store.find(name).orElse(null) : null;
        if (stored == null) {
            if (unsaved == null) {
                throw notFound(name);
            }
            EnvironmentInput named = hasName && (unsaved.name() == null || unsaved.name().isBlank())
                    ? new EnvironmentInput(name, unsaved.displayName(), unsaved.apiUrl(), unsaved.apiKey(),
                    unsaved.verifySsl(), unsaved.timeoutSeconds(), unsaved.connectTimeoutSeconds(),
                    unsaved.maxConcurrency(), unsaved.caBundle(), unsaved.enabled())
                    : unsaved;
            return connection(EnvironmentValidation.forCreate(named), null);
        }
        EnvironmentConnection current = environments.connection(name).orElseThrow(() -> new EnvironmentRejected(
                Why.CONFLICT, "The stored key of " + name + " cannot be decrypted (was the secret key changed?): "
                + "enter the key again."));
        if (unsaved == null || stored.getSource() == EnvironmentSource.ENV) {
            return current;
        }
        return connection(EnvironmentValidation.forUpdate(stored, unsaved), current.apiKey());
    }

    private static EnvironmentConnection connection(EnvironmentSettings settings, String storedKey) {
        String key = settings.apiKey() == null || settings.apiKey().isBlank() ? storedKey : settings.apiKey();
        return new EnvironmentConnection(settings.name(), settings.displayName(), URI.create(settings.apiUrl()), key,
                settings.verifySsl(), false, settings.timeoutSeconds(), settings.caBundle(),
                settings.connectTimeoutSeconds(), settings.maxConcurrency());
    }

    private Environment editable(String name, String verb) {
        if (environments.standIn(name)) {
            throw new EnvironmentRejected(Why.CONFLICT, "Environment " + name + " is a simulated server of this run "
                    + "and cannot be " + verb + ".");
        }
        return store.find(name).orElseThrow(() -> notFound(name));
    }

    private static boolean settingsGiven(EnvironmentInput input) {
        return input.displayName() != null || input.apiUrl() != null
                || input.apiKey() != null && !input.apiKey().isBlank() || input.verifySsl() != null
                || input.timeoutSeconds() != null || input.connectTimeoutSeconds() != null
                || input.maxConcurrency() != null || input.caBundle() != null;
    }

    /** The fields that change, by name; the key only as "apiKey replaced". */
    static String changes(EnvironmentSettings before, EnvironmentSettings after) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(before.displayName(), after.displayName())) {
            changed.add("displayName");
        }
        if (!Objects.equals(before.apiUrl(), after.apiUrl())) {
            changed.add("apiUrl " + after.apiUrl());
        }
        if (after.apiKey() != null && !after.apiKey().isBlank()) {
            changed.add("apiKey replaced");
        }
        if (before.verifySsl() != after.verifySsl()) {
            changed.add("verifySsl " + after.verifySsl());
        }
        if (before.timeoutSeconds() != after.timeoutSeconds()) {
            changed.add("timeoutSeconds " + after.timeoutSeconds());
        }
        if (before.connectTimeoutSeconds() != after.connectTimeoutSeconds()) {
            changed.add("connectTimeoutSeconds " + after.connectTimeoutSeconds());
        }
        if (before.maxConcurrency() != after.maxConcurrency()) {
            changed.add("maxConcurrency " + after.maxConcurrency());
        }
        if (!Objects.equals(before.caBundle(), after.caBundle())) {
            changed.add(after.caBundle() == null ? "caBundle removed" : "caBundle set");
        }
        return String.join(", ", changed);
    }

    private static String describe(EnvironmentSettings settings) {
        return settings.apiUrl() + ", verifySsl " + settings.verifySsl()
                + (settings.caBundle() == null ? "" : ", CA bundle");
    }

    private static EnvironmentRejected notFound(String name) {
        return new EnvironmentRejected(Why.NOT_FOUND, "No environment named " + name + ".");
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
