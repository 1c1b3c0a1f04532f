package io.fleetdashboard.auth.control;

import java.util.Optional;

/**
 * The container dispatches on the decoded, normalised path, so access is decided on that same canonical path
 * (servlet path + path info). A raw request URI that would decode or normalise to something else is refused
 * before anything looks at it: dot segments, empty segments, path parameters, backslashes, and percent-escapes
 * of characters that never need one (letters, digits, "-._~") or that change the path's structure ("/", "\",
 * ";", "%", control characters). Escapes that real paths need (a space in an environment name, non-ASCII bytes,
 * ":" and the like) pass.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /** The path the container dispatches on, "/" when both parts are empty. */
    public static String canonical(String servletPath, String pathInfo) {
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** Why a raw path (the request URI without the context root, undecoded) is refused, or empty when it is fine. */
    public static Optional<String> refusal(String rawPath) {
        if (rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("The path must start with '/'.");
        }
        if (rawPath.indexOf(';') >= 0) {
            return Optional.of("Path parameters (';') are not accepted.");
        }
        if (rawPath.indexOf('\\') >= 0) {
            return Optional.of("Backslashes are not accepted in paths.");
        }
        if (rawPath.contains("//")) {
            return Optional.of("Empty path segments ('//') are not accepted.");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("Dot segments ('/./', '/../') are not accepted.");
            }
        }
        for (int i = rawPath.indexOf('%'); i >= 0; i = rawPath.indexOf('%', i + 1)) {
            int value = i + 2 < rawPath.length() ? hex(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
            if (value < 0) {
                return Optional.of("Malformed percent-escape in the path.");
            }
            if (needsNoEscape(value) || changesStructure(value)) {
                return Optional.of("Percent-escapes of letters, digits, '-._~', '/', '\\', ';', '%' or control "
                        + "characters are not accepted in paths.");
            }
        }
        return Optional.empty();
    }

    private static boolean needsNoEscape(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean changesStructure(int c) {
        return c == '/' || c == '\\' || c == ';' || c == '%' || c < 0x20 || c == 0x7f;
    }

    private static int hex(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
