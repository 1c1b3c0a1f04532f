package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.Page;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/** Filter, sort and page a snapshot list in one pass over it. */
public final class Listing {

    public static final int MAX_LIMIT = 1000;

    private Listing() {
    }

    public static <T, V> Page<V> page(List<T> items, Predicate<T> filter, Comparator<T> order, int offset, int limit,
                                      Function<T, V> view) {
        List<T> matching = items.stream().filter(filter).sorted(order).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(from + limit, matching.size());
        return new Page<>(matching.size(), offset, limit, matching.subList(from, to).stream().map(view).toList());
    }

    /** Case-insensitive "contains" over any of the given texts; a blank search matches everything. */
    public static boolean matches(String search, String... texts) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String needle = search.trim().toLowerCase(Locale.ROOT);
        for (String text : texts) {
            if (text != null && text.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
