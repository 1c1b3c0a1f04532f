package io.fleetdashboard.portainer.control;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The file name of a Content-Disposition header, made safe for a file system and a header of ours. */
final class ContentDisposition {

    private static final Pattern EXTENDED = Pattern.compile("filename\\*\\s*=\\s*(?:UTF-8|utf-8)''([^;]+)");
    private static final Pattern PLAIN = Pattern.compile("filename\\s*=\\s*(\"([^\"]*)\"|[^;]+)");
    private static final int MAX_LENGTH = 120;

    private ContentDisposition() {
    }

    /** filename*=UTF-8''… first, then filename=; path parts dropped, unsafe characters as '-'; the fallback if none. */
    static String fileName(String header, String fallback) {
        if (header == null) {
            return fallback;
        }
        String name = null;
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            try {
                name = URLDecoder.decode(extended.group(1).strip().replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException badEscape) {
                name = null;
            }
        }
        if (name == null) {
            Matcher plain = PLAIN.matcher(header);
            if (plain.find()) {
                name = plain.group(2) != null ? plain.group(2) : plain.group(1).strip();
            }
        }
        return safe(name, fallback);
    }

    static String safe(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = base.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[.-]+", "");
        if (cleaned.isEmpty() || cleaned.toLowerCase(Locale.ROOT).equals("tar.gz")) {
            return fallback;
        }
        return cleaned.length() > MAX_LENGTH ? cleaned.substring(cleaned.length() - MAX_LENGTH) : cleaned;
    }
}
