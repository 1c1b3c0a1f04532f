package io.fleetdashboard.environments.control;

import io.fleetdashboard.config.control.PemTrust;
import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentInput;
import io.fleetdashboard.environments.entity.EnvironmentRejected;
import io.fleetdashboard.environments.entity.EnvironmentRejected.Why;
import io.fleetdashboard.environments.entity.EnvironmentSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks what an administrator entered and turns it into settings for the store; every message names the field and
 * what is allowed (and never quotes a key or a PEM). Pure, so it is unit-tested.
 */
public final class EnvironmentValidation {

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final int MAX_DISPLAY_NAME = 80;
    static final int MAX_URL = 500;
    static final int MAX_KEY = 500;
    static final int MAX_CA_BUNDLE = 256 * 1024;
    static final int DEFAULT_TIMEOUT = ConfiguredEnvironments.DEFAULT_TIMEOUT_SECONDS;

    private EnvironmentValidation() {
    }

    /** The settings of a new environment; the name defaults to the slug of the display name. */
    public static EnvironmentSettings forCreate(EnvironmentInput input) {
        String displayName = displayName(input.displayName(), input.name());
        String name = blank(input.name()) ? ConfiguredEnvironments.slug(require(displayName, "name or displayName"))
                : name(input.name());
        if (blank(input.apiKey())) {
            throw invalid("apiKey is required for a new environment (a Portainer access token).");
        }
        return new EnvironmentSettings(name, displayName == null ? name : displayName,
                url(require(input.apiUrl(), "apiUrl")), key(input.apiKey()),
                input.verifySsl() == null || input.verifySsl(),
                range("timeoutSeconds", input.timeoutSeconds(), DEFAULT_TIMEOUT, 1, 600),
                caBundle(input.caBundle()),
                range("connectTimeoutSeconds", input.connectTimeoutSeconds(), 0, 0, 120),
                range("maxConcurrency", input.maxConcurrency(), 0, 0, 64));
    }

    /** The settings after a change of a stored environment: what is not given stays; a blank key keeps the key. */
    public static EnvironmentSettings forUpdate(Environment stored, EnvironmentInput input) {
        if (!blank(input.name()) && !input.name().strip().equals(stored.getName())) {
            throw invalid("name cannot be changed (it keys the environment's endpoints and containers); "
                    + "add a new environment instead.");
        }
        String displayName = input.displayName() == null ? stored.getDisplayName()
                : displayName(input.displayName(), stored.getName());
        return new EnvironmentSettings(stored.getName(), displayName == null ? stored.getName() : displayName,
                input.apiUrl() == null ? stored.getApiUrl() : url(input.apiUrl()),
                blank(input.apiKey()) ? null : key(input.apiKey()),
                input.verifySsl() == null ? stored.isVerifySsl() : input.verifySsl(),
                range("timeoutSeconds", input.timeoutSeconds(), stored.getTimeoutSeconds(), 1, 600),
                input.caBundle() == null ? stored.getCaBundle() : caBundle(input.caBundle()),
                range("connectTimeoutSeconds", input.connectTimeoutSeconds(), stored.getConnectTimeoutSeconds(), 0,
                        120),
                range("maxConcurrency", input.maxConcurrency(), stored.getMaxConcurrency(), 0, 64));
    }

    static String name(String raw) {
        String name = raw.strip();
        if (!NAME.matcher(name).matches()) {
            throw invalid("name must be 1-40 characters a-z, 0-9 and '-', starting with a letter or digit "
                    + "(it keys endpoint ids such as prod:12).");
        }
        return name;
    }

    static String displayName(String raw, String fallback) {
        if (blank(raw)) {
            return blank(fallback) ? null : fallback.strip();
        }
        String name = raw.strip();
        if (name.length() > MAX_DISPLAY_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw invalid("displayName must be at most " + MAX_DISPLAY_NAME + " characters, without control "
                    + "characters.");
        }
        return name;
    }

    /** An absolute http(s) URL with a host, no credentials, query or fragment; normalised to end in /api. */
    static String url(String raw) {
        String text = raw.strip();
        if (text.isEmpty() || text.length() > MAX_URL) {
            throw invalid("apiUrl is required, at most " + MAX_URL + " characters.");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw invalid("apiUrl is not a valid URL; expected e.g. https://portainer.example.com:9443");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid("apiUrl must be an http:// or https:// URL with a host, e.g. https://portainer.example.com");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("apiUrl must not hold a user, a query or a fragment; the key goes into apiKey.");
        }
        return ConfiguredEnvironments.normalizeUrl(text);
    }

    static String key(String raw) {
        String key = raw.strip();
        if (key.length() > MAX_KEY || key.chars().anyMatch(c -> c <= ' ' || c == 127)) {
            throw invalid("apiKey must be at most " + MAX_KEY + " characters without spaces or control characters.");
        }
        return key;
    }

    /** Null or blank: none; else PEM with at least one certificate. */
    static String caBundle(String raw) {
        if (blank(raw)) {
            return null;
        }
        if (raw.length() > MAX_CA_BUNDLE) {
            throw invalid("caBundle must be at most 256 KB of PEM certificates.");
        }
        if (!raw.contains("-----BEGIN CERTIFICATE-----")) {
            throw invalid("caBundle must hold PEM certificates (-----BEGIN CERTIFICATE----- …).");
        }
        try {
            PemTrust.certificates(raw);
        } catch (IllegalArgumentException e) {
            throw invalid("caBundle cannot be read: it must hold PEM certificates (-----BEGIN CERTIFICATE----- …).");
        }
        return raw.strip();
    }

    static int range(String field, Integer value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw invalid(field + " must be between " + min + " and " + max + (min == 0 ? " (0: the default)." : "."));
        }
        return value;
    }

    private static String require(String value, String field) {
        if (blank(value)) {
            throw invalid(field + " is required.");
        }
        return value;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static EnvironmentRejected invalid(String message) {
        return new EnvironmentRejected(Why.INVALID, message);
    }
}
