package io.fleetdashboard.assistant.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Puts fleet data (names, statuses: anything a container's owner chose) into Markdown as plain text. */
final class MarkdownText {

    private static final String SPECIAL = "\\`*_{}[]()<>#+-.!|~&";
    static final int MAX_NAME = 120;

    private MarkdownText() {
    }

    /** The text with every Markdown-significant character escaped, line breaks flattened, cut to a bounded length. */
    static String literal(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
        if (flat.length() > MAX_NAME) {
            flat = flat.substring(0, MAX_NAME) + "…";
        }
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A query parameter or path segment value. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
