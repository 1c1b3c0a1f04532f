package io.fleetdashboard.auth.control;

import java.util.Map;
import java.util.Optional;

/**
 * The one set of size limits on what a request may carry, for every route (API, pages, Faces forms), checked before
 * anything parses or dispatches it: the raw query string, each parameter value (query or form field), control
 * characters in query values, and the declared body length. The answers name the parameter and the limit, never
 * echo the value.
 */
public final class InputLimits {

    /** The raw (still percent-encoded) query string. */
    public static final int MAX_QUERY_STRING = 8_192;
    /** One query parameter value, decoded: a filter, a search, a page number. */
    public static final int MAX_QUERY_VALUE = 4_096;
    /** One form field, decoded: a Faces field (a CA bundle is the largest legitimate one). */
    public static final int MAX_FORM_VALUE = 65_536;
    /** A request body: a JSON document or a Faces form post (bulk metrics imports stay below it). */
    public static final long MAX_BODY_BYTES = 1_048_576;

    private InputLimits() {
    }

    /** Why the raw query string is refused (400), or empty. */
    public static Optional<String> queryStringRefusal(String rawQuery) {
        if (rawQuery != null && rawQuery.length() > MAX_QUERY_STRING) {
            return Optional.of("The query string is longer than " + MAX_QUERY_STRING + " characters.");
        }
        return Optional.empty();
    }

    /** Why the declared body length is refused (413), or empty; -1 means not declared. */
    public static Optional<String> bodyRefusal(long contentLength) {
        if (contentLength > MAX_BODY_BYTES) {
            return Optional.of("The request body is larger than " + MAX_BODY_BYTES + " bytes (1 MiB).");
        }
        return Optional.empty();
    }

    /**
     * Why a parameter is refused (400), or empty: too long, or (in the query string) a control character. The
     * names are checked like the values.
     *
     * @param queryNames the parameters that came in the query string (the others are form fields)
     */
    public static Optional<String> parameterRefusal(Map<String, String[]> parameters, java.util.Set<String> queryNames) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            boolean query = queryNames.contains(name);
            int max = query ? MAX_QUERY_VALUE : MAX_FORM_VALUE;
            String shownName = shown(name);
            if (name.length() > MAX_QUERY_VALUE || controlCharacter(name)) {
                return Optional.of("A parameter name is longer than " + MAX_QUERY_VALUE
                        + " characters or holds control characters.");
            }
            for (String value : parameter.getValue()) {
                if (value == null) {
                    continue;
                }
                if (value.length() > max) {
                    return Optional.of(shownName + " is longer than " + max + " characters.");
                }
                if (query && controlCharacter(value)) {
                    return Optional.of(shownName + " must not contain control characters.");
                }
            }
        }
        return Optional.empty();
    }

    /** The parameter names of a raw query string (decoded leniently; only used to tell query from form). */
    public static java.util.Set<String> names(String rawQuery) {
        java.util.Set<String> names = new java.util.HashSet<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return names;
        }
        for (String pair : rawQuery.split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            try {
                names.add(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException malformed) {
                names.add(name);
            }
        }
        return names;
    }

    static boolean controlCharacter(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String shown(String name) {
        return name.length() > 40 || controlCharacter(name) ? "a parameter" : name;
    }
}
