package io.fleetdashboard.logs.control;

import io.fleetdashboard.logs.entity.LogLine;

/**
 * A log line as plain text, the one format of the API, the download and the page:
 * {@code [timestamp ][[container] ][stderr marker]text}. The timestamp is Docker's, in UTC with Docker's precision.
 * Line breaks inside a line cannot occur (lines are split at them); other control characters are kept as sent,
 * except that NUL and ESC become U+FFFD so that no terminal escape sequence reaches a viewer's terminal.
 */
public final class LogText {

    private LogText() {
    }

    public static String format(LogLine line, boolean timestamps) {
        StringBuilder out = new StringBuilder(line.text().length() + 48);
        if (timestamps && line.time() != null) {
            out.append(line.time()).append(' ');
        }
        if (line.source() != null) {
            out.append('[').append(line.source()).append("] ");
        }
        out.append(line.channel().marker());
        for (int i = 0; i < line.text().length(); i++) {
            char c = line.text().charAt(i);
            out.append(c == 0 || c == 0x1B ? '\uFFFD' : c);
        }
        return out.toString();
    }
}
