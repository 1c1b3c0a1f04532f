package io.fleetdashboard.audit.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the audit log for AUDIT_RETENTION_DAYS (default 365; 0 keeps every row): once shortly after start and
 * then every hour, on a managed thread, the older rows are deleted and the purge itself is audited.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Inject
    AuditLog log;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "audit.retention.days", defaultValue = "365")
    int retentionDays = 365;

    Clock clock = Clock.systemUTC();

    private ScheduledFuture<?> schedule;

    // After the database migrations (PLATFORM_BEFORE).
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) @Initialized(ApplicationScoped.class)
               Object started) {
        if (retentionDays <= 0) {
            LOG.info("AUDIT_RETENTION_DAYS=0: the audit log keeps every row");
            return;
        }
        schedule = scheduler.scheduleAtFixedRate(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    /** The oldest moment a row is kept for, or null when every row is kept. */
    Instant cutoff() {
        return retentionDays <= 0 ? null : clock.instant().minus(Duration.ofDays(retentionDays));
    }

    /** Deletes what is older than the retention; returns how many rows went. */
    int purge() {
        Instant cutoff = cutoff();
        if (cutoff == null) {
            return 0;
        }
        try {
            int deleted = log.purgeOlderThan(cutoff);
            if (deleted > 0) {
                LOG.info(() -> "Audit retention: " + deleted + " rows older than " + cutoff + " deleted");
            }
            return deleted;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention could not delete old rows; it tries again in an hour", e);
            return 0;
        }
    }
}
