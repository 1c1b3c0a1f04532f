package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * from/to query parameters: an ISO-8601 instant ("2026-11-30T10:00:00Z"), epoch milliseconds, or an age such as
 * "1h", "30m", "7d" (that long before now). to defaults to now, from to one hour before to; at most 31 days.
 */
public record TimeRange(Instant from, Instant to) {

    private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");
    static final Duration LONGEST = Duration.ofDays(31);

    public static TimeRange parse(String from, String to, Instant now) {
        Instant end = blank(to) ? now : instant("to", to, now);
        Instant start = blank(from) ? end.minus(Duration.ofHours(1)) : instant("from", from, now);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to.");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new BadRequestException("The range may span at most 31 days.");
        }
        return new TimeRange(start, end);
    }

    static Instant instant(String name, String value, Instant now) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher age = AGE.matcher(v);
        if (age.matches()) {
            long n = Long.parseLong(age.group(1));
            Duration d = switch (age.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return now.minus(d);
        }
        if (v.matches("\\d{1,15}")) {
            return Instant.ofEpochMilli(Long.parseLong(v));
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant, epoch milliseconds or an age like 1h.");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
