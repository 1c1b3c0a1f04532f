package io.fleetdashboard.environments.control;

import io.fleetdashboard.environments.entity.EnvironmentSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Reads environments from the original dashboard's environment variables (original-system.md §6):
 * PORTAINER_ENVIRONMENTS=a,b with PORTAINER_&lt;NAME&gt;_API_URL/_API_KEY/_VERIFY_SSL/_TIMEOUT (NAME upper-cased,
 * spaces to '_'), or else the single PORTAINER_API_URL/_API_KEY/_VERIFY_SSL/_TIMEOUT/_ENVIRONMENT_NAME.
 * Environments missing a URL or key are skipped. Pure: variables come from a lookup function, so it is testable.
 */
public final class ConfiguredEnvironments {

    static final int DEFAULT_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(ConfiguredEnvironments.class.getName());

    private ConfiguredEnvironments() {
    }

    public static List<EnvironmentSettings> read(Function<String, Optional<String>> variables) {
        Function<String, Optional<String>> lookup = name -> variables.apply(name).map(String::strip)
                .filter(value -> !value.isEmpty());
        int defaultTimeout = lookup.apply("PORTAINER_TIMEOUT").map(ConfiguredEnvironments::seconds)
                .orElse(DEFAULT_TIMEOUT_SECONDS);
        boolean defaultVerify = lookup.apply("PORTAINER_VERIFY_SSL").map(ConfiguredEnvironments::bool).orElse(true);
        Optional<String> names = lookup.apply("PORTAINER_ENVIRONMENTS");
        Map<String, EnvironmentSettings> found = new LinkedHashMap<>();
        if (names.isPresent()) {
            for (String raw : names.get().split(",")) {
                String displayName = raw.strip();
                if (displayName.isEmpty()) {
                    continue;
                }
                String prefix = "PORTAINER_" + variablePart(displayName) + "_";
                Optional<String> url = lookup.apply(prefix + "API_URL");
                Optional<String> key = lookup.apply(prefix + "API_KEY");
                if (url.isEmpty() || key.isEmpty()) {
                    LOG.warning(() -> "Environment '" + displayName + "' skipped: " + prefix + "API_URL or "
                            + prefix + "API_KEY is missing");
                    continue;
                }
                boolean verify = lookup.apply(prefix + "VERIFY_SSL").map(ConfiguredEnvironments::bool).orElse(true);
                int timeout = lookup.apply(prefix + "TIMEOUT").map(ConfiguredEnvironments::seconds)
                        .orElse(defaultTimeout);
                found.putIfAbsent(slug(displayName), new EnvironmentSettings(slug(displayName), displayName,
                        normalizeUrl(url.get()), key.get(), verify, timeout));
            }
        } else {
            Optional<String> url = lookup.apply("PORTAINER_API_URL");
            Optional<String> key = lookup.apply("PORTAINER_API_KEY");
            if (url.isPresent() && key.isPresent()) {
                String displayName = lookup.apply("PORTAINER_ENVIRONMENT_NAME").orElse("Default");
                found.put(slug(displayName), new EnvironmentSettings(slug(displayName), displayName,
                        normalizeUrl(url.get()), key.get(), defaultVerify, defaultTimeout));
            } else if (url.isPresent()) {
                LOG.warning("PORTAINER_API_URL is set but PORTAINER_API_KEY is missing: environment skipped");
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Where an environment imported from the variables is defined, for people: the variable names (never their
     * values), e.g. "environment variables PORTAINER_ENVIRONMENTS, PORTAINER_PROD_API_URL, PORTAINER_PROD_API_KEY".
     */
    public static String origin(String displayName, Function<String, Optional<String>> variables) {
        boolean several = variables.apply("PORTAINER_ENVIRONMENTS").map(String::strip).filter(v -> !v.isEmpty())
                .isPresent();
        if (!several) {
            return "environment variables PORTAINER_API_URL, PORTAINER_API_KEY";
        }
        String prefix = "PORTAINER_" + variablePart(displayName) + "_";
        return "environment variables PORTAINER_ENVIRONMENTS, " + prefix + "API_URL, " + prefix + "API_KEY";
    }

    /** "Plant A" -> "PLANT_A", the part of PORTAINER_&lt;NAME&gt;_API_URL. */
    static String variablePart(String name) {
        return name.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
    }

    /** Lowercase slug used as the environment id (namespaces ids like "prod:12"): [a-z0-9-]. */
    public static String slug(String name) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "default" : slug;
    }

    /** Trailing slashes removed, /api appended when missing. */
    public static String normalizeUrl(String url) {
        String normalized = url.strip();
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.endsWith("/api") ? normalized : normalized + "/api";
    }

    static boolean bool(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "false", "0", "no", "off" -> false;
            default -> true;
        };
    }

    static int seconds(String value) {
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds > 0 ? (int) Math.ceil(seconds) : DEFAULT_TIMEOUT_SECONDS;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }
}
