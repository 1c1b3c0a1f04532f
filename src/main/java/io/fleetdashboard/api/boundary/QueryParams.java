package io.fleetdashboard.api.boundary;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one parser of query parameters for every resource. Resources take parameters as String (a failed JAX-RS
 * conversion of an {@code int} would answer 404) and parse them here; bad input throws {@link BadRequestException}
 * (400 {error: "bad_request", message}) whose message names the parameter and what is allowed, never echoing the
 * value. A blank value counts as absent. Enum-like values are case-insensitive.
 */
public final class QueryParams {

    /** Instants further back than this are refused: nothing is kept that long, and it catches typos (year 0026). */
    public static final Duration FARTHEST_PAST = Duration.ofDays(3660);
    /** Instants later than now plus this are refused (a little leeway for clocks that differ). */
    public static final Duration FARTHEST_FUTURE = Duration.ofDays(1);

    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,30}");
    private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhd])");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{1,15}");

    private QueryParams() {
    }

    public static boolean absent(String value) {
        return value == null || value.isBlank();
    }

    /** A whole number in [min, max]; the default when absent. */
    public static int intParam(String name, String value, int defaultValue, int min, int max) {
        return (int) longParam(name, value, defaultValue, min, max);
    }

    /** A whole number in [min, max]; the default when absent. Overflowing digits are out of range, not an error 500. */
    public static long longParam(String name, String value, long defaultValue, long min, long max) {
        if (absent(value)) {
            return defaultValue;
        }
        String v = value.strip();
        if (!WHOLE.matcher(v).matches()) {
            throw new BadRequestException(name + " must be a whole number between " + min + " and " + max + ".");
        }
        long parsed;
        try {
            parsed = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException overflow) {
            throw new BadRequestException(name + " must be between " + min + " and " + max + ".");
        }
        if (parsed < min || parsed > max) {
            throw new BadRequestException(name + " must be between " + min + " and " + max + ".");
        }
        return parsed;
    }

    /** true or false (case-insensitive); the default (may be null) when absent. */
    public static Boolean booleanParam(String name, String value, Boolean defaultValue) {
        if (absent(value)) {
            return defaultValue;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequestException(name + " must be true or false.");
        };
    }

    /** An enum constant by name (case-insensitive); the default (may be null) when absent. */
    public static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type, E defaultValue) {
        Map<String, E> choices = new LinkedHashMap<>();
        for (E constant : type.getEnumConstants()) {
            choices.put(constant.name().toLowerCase(Locale.ROOT), constant);
        }
        return choice(name, value, choices, defaultValue);
    }

    /** One of the given spellings (keys in lower case; matched case-insensitively); the default when absent. */
    public static <T> T choice(String name, String value, Map<String, T> choices, T defaultValue) {
        if (absent(value)) {
            return defaultValue;
        }
        T found = choices.get(value.strip().toLowerCase(Locale.ROOT));
        if (found == null) {
            throw new BadRequestException(name + " must be one of: " + String.join(", ", choices.keySet()) + ".");
        }
        return found;
    }

    /** Shorthand of {@link #choice} for plain words. */
    public static String word(String name, String value, String defaultValue, String... allowed) {
        return choice(name, value, Arrays.stream(allowed).collect(Collectors.toMap(a -> a, a -> a, (a, b) -> a,
                LinkedHashMap::new)), defaultValue);
    }

    /**
     * An instant: ISO-8601 ("2026-11-30T10:00:00Z"), epoch milliseconds, or an age such as "90s", "30m", "1h", "7d"
     * (that long before now). Must lie between now minus {@link #FARTHEST_PAST} and now plus
     * {@link #FARTHEST_FUTURE}. Null when absent.
     */
    public static Instant instant(String name, String value, Instant now) {
        if (absent(value)) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        String allowed = name + " must be an ISO-8601 instant, epoch milliseconds or an age like 1h, within the last "
                + FARTHEST_PAST.toDays() + " days and at most " + FARTHEST_FUTURE.toHours() + " hours ahead.";
        Instant parsed;
        try {
            Matcher age = AGE.matcher(v);
            if (age.matches()) {
                long n = Long.parseLong(age.group(1));
                Duration d = switch (age.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                parsed = now.minus(d);
            } else if (EPOCH_MILLIS.matcher(v).matches()) {
                parsed = Instant.ofEpochMilli(Long.parseLong(v));
            } else {
                parsed = Instant.parse(value.strip());
            }
        } catch (ArithmeticException | DateTimeException e) {
            throw new BadRequestException(allowed);
        }
        if (parsed.isBefore(now.minus(FARTHEST_PAST)) || parsed.isAfter(now.plus(FARTHEST_FUTURE))) {
            throw new BadRequestException(allowed);
        }
        return parsed;
    }
}
