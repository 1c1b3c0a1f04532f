package io.fleetdashboard.environments.control;

import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentSettings;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** The registered environments in SQLite. Keys are encrypted here, on the way in; every change fires an event. */
@ApplicationScoped
@Transactional
public class EnvironmentStore {

    private static final Logger LOG = Logger.getLogger(EnvironmentStore.class.getName());

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Event<EnvironmentsChanged> changed;

    public List<Environment> findAll() {
        return em.createNamedQuery("Environment.findAll", Environment.class).getResultList();
    }

    public Optional<Environment> find(String name) {
        return em.createNamedQuery("Environment.findByName", Environment.class).setParameter("name", name)
                .getResultStream().findFirst();
    }

    /** Creates or updates by name; a null or blank key keeps the stored one (forms need not re-enter it). */
    public Environment save(EnvironmentSettings settings, EnvironmentSource source) {
        return save(settings, source, null);
    }

    /** As {@link #save(EnvironmentSettings, EnvironmentSource)}, enabling or disabling it too (null: as it is). */
    public Environment save(EnvironmentSettings settings, EnvironmentSource source, Boolean enabled) {
        Environment environment = find(settings.name()).orElseGet(Environment::new);
        boolean created = environment.getId() == null;
        if (created && (settings.apiKey() == null || settings.apiKey().isBlank())) {
            throw new IllegalArgumentException("An API key is required for a new environment");
        }
        environment.setName(settings.name());
        environment.setDisplayName(settings.displayName());
        environment.setApiUrl(settings.apiUrl());
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            environment.setApiKeyCiphertext(cipher.encrypt(settings.apiKey()));
        }
        environment.setVerifySsl(settings.verifySsl());
        environment.setTimeoutSeconds(settings.timeoutSeconds());
        environment.setCaBundle(settings.caBundle() == null || settings.caBundle().isBlank() ? null
                : settings.caBundle().strip());
        environment.setConnectTimeoutSeconds(settings.connectTimeoutSeconds());
        environment.setMaxConcurrency(settings.maxConcurrency());
        environment.setSource(source);
        if (enabled != null) {
            environment.setEnabled(enabled);
        }
        environment.touch(Instant.now());
        if (created) {
            em.persist(environment);
        }
        changed.fire(new EnvironmentsChanged(settings.name()));
        return environment;
    }

    public boolean setEnabled(String name, boolean enabled) {
        return find(name).map(environment -> {
            environment.setEnabled(enabled);
            environment.touch(Instant.now());
            changed.fire(new EnvironmentsChanged(name));
            return true;
        }).orElse(false);
    }

    public boolean delete(String name) {
        return find(name).map(environment -> {
            em.remove(environment);
            changed.fire(new EnvironmentsChanged(name));
            return true;
        }).orElse(false);
    }

    /**
     * Makes the ENV-sourced environments match the variables: upserts every configured one (an existing UI one of
     * the same name is taken over; its enabled flag is kept) and removes ENV ones no longer configured.
     * UI-created environments are never removed here.
     */
    public void importConfigured(List<EnvironmentSettings> configured) {
        Set<String> names = configured.stream().map(EnvironmentSettings::name).collect(Collectors.toSet());
        for (Environment stale : findAll()) {
            if (stale.getSource() == EnvironmentSource.ENV && !names.contains(stale.getName())) {
                LOG.info(() -> "Environment '" + stale.getName() + "' is no longer configured: removed");
                delete(stale.getName());
            }
        }
        for (EnvironmentSettings settings : configured) {
            if (!find(settings.name()).map(stored -> unchanged(stored, settings)).orElse(false)) {
                save(settings, EnvironmentSource.ENV);
            }
        }
    }

    /** Same settings as stored: no write, no new IV, no change event on every restart. */
    private boolean unchanged(Environment stored, EnvironmentSettings settings) {
        try {
            return stored.getSource() == EnvironmentSource.ENV
                    && stored.getDisplayName().equals(settings.displayName())
                    && stored.getApiUrl().equals(settings.apiUrl())
                    && stored.isVerifySsl() == settings.verifySsl()
                    && stored.getTimeoutSeconds() == settings.timeoutSeconds()
                    && stored.getCaBundle() == null && stored.getConnectTimeoutSeconds() == 0
                    && stored.getMaxConcurrency() == 0
                    && cipher.decrypt(stored.getApiKeyCiphertext()).equals(settings.apiKey());
        } catch (IllegalArgumentException undecryptable) {
            return false;
        }
    }
}
