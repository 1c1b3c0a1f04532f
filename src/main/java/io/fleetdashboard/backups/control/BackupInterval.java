package io.fleetdashboard.backups.control;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schedule of PORTAINER_BACKUP_INTERVAL and the backups page: a number with a unit (90m, 6h, 1d, 1w), several
 * of them (1d12h), an ISO-8601 duration (PT6H), or a plain number of hours (24). "0", "off", "none" or empty:
 * no scheduled backups. At least 5 minutes.
 */
public final class BackupInterval {

    static final Duration MINIMUM = Duration.ofMinutes(5);
    private static final Pattern PARTS = Pattern.compile("(\\d{1,6})([smhdw])");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}[smhdw])+");

    private BackupInterval() {
    }

    /** @throws IllegalArgumentException with a message for people when the text is not an interval */
    public static Duration parse(String text) {
        if (text == null) {
            return Duration.ZERO;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("0") || value.equals("off") || value.equals("none")
                || value.equals("disabled")) {
            return Duration.ZERO;
        }
        Duration duration;
        if (value.matches("\\d{1,6}")) {
            duration = Duration.ofHours(Long.parseLong(value));
        } else if (value.startsWith("p")) {
            try {
                duration = Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw invalid();
            }
        } else if (WHOLE.matcher(value).matches()) {
            duration = Duration.ZERO;
            Matcher m = PARTS.matcher(value);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                duration = duration.plus(switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(7 * n);
                });
            }
        } else {
            throw invalid();
        }
        if (duration.isNegative() || duration.isZero()) {
            return Duration.ZERO;
        }
        if (duration.compareTo(MINIMUM) < 0) {
            throw new IllegalArgumentException("The backup interval must be at least 5 minutes (or off).");
        }
        return duration;
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("The backup interval must be like 6h, 1d, 90m, 1w or PT6H (a plain "
                + "number: hours), or off.");
    }
}
