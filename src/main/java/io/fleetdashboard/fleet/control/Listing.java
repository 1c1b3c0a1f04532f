package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.Page;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** Filter, sort and page a snapshot list in one pass over it; the text rules every query shares. */
public final class Listing {

    public static final int MAX_LIMIT = 1000;

    /** Case-insensitive text order, missing values last. */
    public static final Comparator<String> TEXT = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

    private Listing() {
    }

    public static <T, V> Page<V> page(List<T> items, Predicate<T> filter, Comparator<T> order, int offset, int limit,
                                      Function<T, V> view) {
        return page(sorted(items, filter, order), offset, limit).map(view);
    }

    /** The matching items in order (references into the snapshot's list: no copies of the items). */
    public static <T> List<T> sorted(List<T> items, Predicate<T> filter, Comparator<T> order) {
        return items.stream().filter(filter).sorted(order).toList();
    }

    public static <T> Page<T> page(List<T> matching, int offset, int limit) {
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + limit, matching.size());
        return new Page<>(matching.size(), offset, limit, matching.subList(from, to));
    }

    /** Case-insensitive "contains" over any of the given texts; a blank search matches everything. */
    public static boolean matches(String search, String... texts) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.strip();
        for (String text : texts) {
            if (containsIgnoreCase(text, needle)) {
                return true;
            }
        }
        return false;
    }

    /** Whether text contains needle, ignoring case, without allocating (the search runs over 50,000 rows). */
    public static boolean containsIgnoreCase(String text, String needle) {
        if (text == null) {
            return false;
        }
        int last = text.length() - needle.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return true;
            }
        }
        return false;
    }

    /** Null for a blank text, otherwise the text without surrounding blanks. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
