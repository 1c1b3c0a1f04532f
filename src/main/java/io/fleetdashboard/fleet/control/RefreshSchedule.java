package io.fleetdashboard.fleet.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refreshes the fleet at start-up and then every PORTAINER_REFRESH_SECONDS on the managed scheduler. */
@ApplicationScoped
public class RefreshSchedule {

    private static final Logger LOG = Logger.getLogger(RefreshSchedule.class.getName());

    @Inject
    FleetCollector collector;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "portainer.refresh.seconds", defaultValue = "60")
    long refreshSeconds;

    private ScheduledFuture<?> schedule;

    // Runs after the database migrations, which observe the same event with an earlier priority.
    void start(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 500)
               @Initialized(ApplicationScoped.class) Object started) {
        long period = Math.max(5, refreshSeconds);
        schedule = scheduler.scheduleAtFixedRate(collector::refresh, 0, period, TimeUnit.SECONDS);
        LOG.info(() -> "Fleet refresh every " + period + " s");
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
