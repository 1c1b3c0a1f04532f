package io.fleetdashboard.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Inactivity timeout: DASHBOARD_SESSION_TIMEOUT_MINUTES (default 60, cannot be switched off); 30 days when kept. */
@ApplicationScoped
public class SessionPolicy {

    private static final Logger LOG = Logger.getLogger(SessionPolicy.class.getName());
    static final long DEFAULT_MINUTES = 60;
    static final Duration KEEP_SIGNED_IN = Duration.ofDays(30);

    @Inject
    @ConfigProperty(name = "dashboard.session.timeout.minutes", defaultValue = "60")
    long configuredMinutes;

    private long minutes = DEFAULT_MINUTES;

    @PostConstruct
    void init() {
        minutes = effectiveMinutes(configuredMinutes);
        if (minutes != configuredMinutes) {
            LOG.warning("DASHBOARD_SESSION_TIMEOUT_MINUTES=" + configuredMinutes
                    + " would switch the inactivity timeout off; using " + DEFAULT_MINUTES + " minutes.");
        }
    }

    static long effectiveMinutes(long configured) {
        return configured <= 0 ? DEFAULT_MINUTES : configured;
    }

    public long timeoutSeconds(boolean keepSignedIn) {
        return keepSignedIn ? KEEP_SIGNED_IN.toSeconds() : minutes * 60;
    }
}
