package io.fleetdashboard.insights.control;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the monitor leaves out: endpoints, stacks and containers by name pattern (MONITORING_EXCLUDED_ENDPOINTS,
 * _STACKS, _CONTAINERS; comma-separated). A pattern with {@code *} or {@code ?} is a glob on the whole name; any other
 * is a substring, as in the original (case-insensitive either way).
 */
public record Exclusions(List<Pattern> endpoints, List<Pattern> stacks, List<Pattern> containers) {

    public static final Exclusions NONE = new Exclusions(List.of(), List.of(), List.of());

    public static Exclusions of(String endpoints, String stacks, String containers) {
        return new Exclusions(patterns(endpoints), patterns(stacks), patterns(containers));
    }

    public boolean endpoint(String name) {
        return matches(endpoints, name);
    }

    /** A stack is left out when its name or its endpoint is. */
    public boolean stack(String endpointName, String name) {
        return matches(stacks, name) || matches(endpoints, endpointName);
    }

    /** A container is left out when its name, its stack (compose project) or its endpoint is. */
    public boolean container(String endpointName, String stack, String name) {
        return matches(containers, name) || matches(stacks, stack) || matches(endpoints, endpointName);
    }

    static List<Pattern> patterns(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(p -> !p.isEmpty()).map(Exclusions::pattern)
                .toList();
    }

    static Pattern pattern(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("*") || lower.contains("?")) {
            StringBuilder regex = new StringBuilder();
            for (String part : lower.split("((?<=[*?])|(?=[*?]))")) {
                regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
            }
            return Pattern.compile(regex.toString());
        }
        return Pattern.compile(".*" + Pattern.quote(lower) + ".*", Pattern.DOTALL);
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        if (name == null || name.isEmpty() || patterns.isEmpty()) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return patterns.stream().anyMatch(p -> p.matcher(lower).matches());
    }
}
