package io.fleetdashboard.auth.control;

import io.fleetdashboard.auth.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The static users: DASHBOARD_USERNAME / DASHBOARD_KEY (role admin), and optionally DASHBOARD_OPERATOR_KEY (user
 * "operator") and DASHBOARD_VIEWER_KEY (user "viewer", read-only), so that an integration can read the API without
 * admin rights. In demo mode with neither admin variable set, a random admin key is made once per start and logged
 * once: the only secret this application ever logs. Without an admin, sign-in is "not configured" (the optional
 * users alone do not make a configured dashboard); there is never a default password.
 */
@ApplicationScoped
public class StaticCredentials {

    private static final Logger LOG = Logger.getLogger(StaticCredentials.class.getName());
    static final String DEMO_USERNAME = "admin";
    public static final String OPERATOR_USERNAME = "operator";
    public static final String VIEWER_USERNAME = "viewer";

    @Inject
    @ConfigProperty(name = "dashboard.username")
    Optional<String> configuredUsername;

    @Inject
    @ConfigProperty(name = "dashboard.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "dashboard.operator.key")
    Optional<String> configuredOperatorKey;

    @Inject
    @ConfigProperty(name = "dashboard.viewer.key")
    Optional<String> configuredViewerKey;

    private final List<StaticUser> users = new ArrayList<>();
    private String adminUsername;
    private boolean generated;
    /** Neither DASHBOARD_USERNAME nor DASHBOARD_KEY is set (a generated admin may stand in). */
    private boolean unset;

    /**
     * One user: digests only, compared in constant time; the fingerprint ties stored sign-ins (remember-me tokens)
     * to this key, so changing a key retires them.
     */
    private record StaticUser(String username, Role role, byte[] usernameDigest, byte[] keyDigest, String fingerprint) {
    }

    @PostConstruct
    void init() {
        init(configuredUsername, configuredKey, false, new SecureRandom());
        extra(OPERATOR_USERNAME, Role.OPERATOR, configuredOperatorKey, "DASHBOARD_OPERATOR_KEY");
        extra(VIEWER_USERNAME, Role.VIEWER, configuredViewerKey, "DASHBOARD_VIEWER_KEY");
    }

    void init(Optional<String> user, Optional<String> key, boolean generateWhenUnset, SecureRandom random) {
        String u = user.map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        String k = key.filter(s -> !s.isBlank()).orElse(null);
        if (u != null && k != null) {
            add(u, Role.ADMIN, k);
            adminUsername = u;
        } else if (u == null && k == null) {
            unset = true;
            if (generateWhenUnset) {
                generateAdmin(random);
            }
        }
    }

    /**
     * For a start that must be usable at once (demo mode): when neither DASHBOARD_USERNAME nor DASHBOARD_KEY is set,
     * user {@value #DEMO_USERNAME} gets a random key for this start only, written to the log. Called at start-up.
     */
    public synchronized void generateAdminWhenUnset() {
        if (unset && adminUsername == null) {
            generateAdmin(new SecureRandom());
        }
    }

    private void generateAdmin(SecureRandom random) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        String generatedKey = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        add(DEMO_USERNAME, Role.ADMIN, generatedKey);
        adminUsername = DEMO_USERNAME;
        generated = true;
        // WARNING, not INFO: liberty:run's console shows only warnings and up, and this is what a newcomer needs.
        LOG.warning(() -> "Demo mode: DASHBOARD_USERNAME and DASHBOARD_KEY are not set, so this start uses user '"
                + DEMO_USERNAME + "' with the generated key " + generatedKey
                + " (set both variables to choose your own).");
    }

    /** An optional fixed-name user (operator, viewer); ignored when its name is the admin's. */
    void extra(String username, Role role, Optional<String> key, String variable) {
        Optional<String> k = key.filter(s -> !s.isBlank());
        if (k.isEmpty()) {
            return;
        }
        if (adminUsername != null && adminUsername.equalsIgnoreCase(username)) {
            LOG.warning(variable + " is ignored: DASHBOARD_USERNAME is '" + username + "' already (the admin).");
            return;
        }
        add(username, role, k.get());
        LOG.info(() -> "Sign-in: user '" + username + "' (role " + role.groupName() + ") is enabled by " + variable + ".");
    }

    /** Decide at start-up, so the demo key or the "not configured" warning is in the log before anyone asks. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!configured()) {
            LOG.warning("Sign-in is not configured: set DASHBOARD_USERNAME and DASHBOARD_KEY. Every page says so until then.");
        }
    }

    private void add(String username, Role role, String key) {
        users.add(new StaticUser(username, role, sha256(username.toLowerCase(Locale.ROOT)), sha256(key),
                fingerprint(username, key)));
    }

    /**
     * A slow one-way value of user and key (PBKDF2, computed once per start): stored beside remember-me tokens, it
     * says whether the key is still the one the token was issued under, without making the key cheap to guess from
     * a copy of the database.
     */
    static String fingerprint(String username, String key) {
        try {
            byte[] salt = ("fleet-dashboard/remember-me/" + username.toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8);
            javax.crypto.spec.PBEKeySpec spec = new javax.crypto.spec.PBEKeySpec(key.toCharArray(), salt, 210_000, 256);
            byte[] value = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    /** The fingerprint of a configured user's current key (see fingerprint), empty for a user that does not exist. */
    public Optional<String> fingerprint(String username) {
        return user(username).map(StaticUser::fingerprint);
    }

    /** The role a configured user has now, empty for a user that does not exist. */
    public Optional<Role> role(String username) {
        return user(username).map(StaticUser::role);
    }

    private Optional<StaticUser> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        String name = username.trim();
        return users.stream().filter(u -> u.username().equalsIgnoreCase(name)).findFirst();
    }

    /** True when the admin exists; without one the dashboard is not configured, whatever else is set. */
    public boolean configured() {
        return adminUsername != null;
    }

    public boolean generated() {
        return generated;
    }

    /**
     * The user these credentials belong to, with its role. Constant time: every user's name and key are compared
     * as equal-length digests, whatever matched, so timing tells nothing about names or keys. User names are
     * compared without case (like the throttle); keys exactly.
     */
    public Optional<Match> match(String user, String key) {
        if (!configured() || user == null || key == null) {
            return Optional.empty();
        }
        byte[] userDigest = sha256(user.trim().toLowerCase(Locale.ROOT));
        byte[] keyDigest = sha256(key);
        Match found = null;
        for (StaticUser candidate : users) {
            boolean userOk = MessageDigest.isEqual(candidate.usernameDigest(), userDigest);
            boolean keyOk = MessageDigest.isEqual(candidate.keyDigest(), keyDigest);
            if (userOk & keyOk) {
                found = new Match(candidate.username(), candidate.role());
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean matches(String user, String key) {
        return match(user, key).isPresent();
    }

    /** A matched user: the configured spelling of the name and its role. */
    public record Match(String username, Role role) {
    }

    /** The admin's user name (for display); null when not configured. */
    public String username() {
        return adminUsername;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
