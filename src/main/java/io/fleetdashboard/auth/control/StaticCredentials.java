package io.fleetdashboard.auth.control;

import io.fleetdashboard.environments.control.DemoMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one static user (DASHBOARD_USERNAME / DASHBOARD_KEY). In demo mode with neither set, a random key is made
 * once per start for user "admin" and logged once: the only secret this application ever logs.
 * Otherwise, missing values leave sign-in "not configured"; there is never a default password.
 */
@ApplicationScoped
public class StaticCredentials {

    private static final Logger LOG = Logger.getLogger(StaticCredentials.class.getName());
    static final String DEMO_USERNAME = "admin";

    @Inject
    @ConfigProperty(name = "dashboard.username")
    Optional<String> configuredUsername;

    @Inject
    @ConfigProperty(name = "dashboard.key")
    Optional<String> configuredKey;

    @Inject
    DemoMode demoMode;

    private byte[] usernameDigest;
    private byte[] keyDigest;
    private String username;
    private boolean generated;

    @PostConstruct
    void init() {
        init(configuredUsername, configuredKey, demoMode.active(), new SecureRandom());
    }

    void init(Optional<String> user, Optional<String> key, boolean demo, SecureRandom random) {
        String u = user.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String k = key.filter(s -> !s.isBlank()).orElse(null);
        if (u != null && k != null) {
            use(u, k);
        } else if (u == null && k == null && demo) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String demoKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            use(DEMO_USERNAME, demoKey);
            generated = true;
            // WARNING, not INFO: liberty:run's console shows only warnings and up, and this is what a newcomer needs.
            LOG.warning(() -> "Demo mode: DASHBOARD_USERNAME and DASHBOARD_KEY are not set, so this start uses user '"
                    + DEMO_USERNAME + "' with the generated key " + demoKey + " (set both variables to choose your own).");
        } else {
            LOG.warning("Sign-in is not configured: set DASHBOARD_USERNAME and DASHBOARD_KEY. Every page says so until then.");
        }
    }

    /** Decide at start-up, so the demo key or the "not configured" warning is in the log before anyone asks. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        configured();
    }

    private void use(String user, String key) {
        username = user;
        usernameDigest = sha256(user);
        keyDigest = sha256(key);
    }

    public boolean configured() {
        return keyDigest != null;
    }

    public boolean generated() {
        return generated;
    }

    /** Constant time: both values are always compared, as equal-length digests, whatever their lengths. */
    public boolean matches(String user, String key) {
        if (!configured() || user == null || key == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(usernameDigest, sha256(user.trim()));
        boolean keyOk = MessageDigest.isEqual(keyDigest, sha256(key));
        return userOk & keyOk;
    }

    /** The configured user name (for display); null when not configured. */
    public String username() {
        return username;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
