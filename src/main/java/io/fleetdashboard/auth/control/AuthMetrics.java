package io.fleetdashboard.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/** Sign-in counters on /metrics: failures (wrong credentials), refusals while locked out, and successes. */
@ApplicationScoped
public class AuthMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private Counter failures;
    private Counter locked;
    private Counter successes;

    @PostConstruct
    void register() {
        failures = registry.counter("fleet_auth_failures_total");
        locked = registry.counter("fleet_auth_locked_total");
        successes = registry.counter("fleet_auth_successes_total");
    }

    public void failed() {
        failures.inc();
    }

    public void locked() {
        locked.inc();
    }

    public void succeeded() {
        successes.inc();
    }
}
