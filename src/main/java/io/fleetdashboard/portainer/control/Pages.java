package io.fleetdashboard.portainer.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a paged Portainer list to the end: 1-based start = (page-1)*limit + 1, until X-Total-Count items are read.
 * Never loops forever: it stops on an empty or short page, on a page that brought nothing new (a server that
 * ignores start), when the server ignored limit and sent everything, and after the page count the total implies.
 */
final class Pages {

    /** Without X-Total-Count, at most this many pages. */
    static final int MAX_PAGES = 1_000;

    record Page<T>(List<T> items, Integer total) {
    }

    @FunctionalInterface
    interface Source<T> {
        Page<T> fetch(int start, int limit);
    }

    private Pages() {
    }

    static <T> List<T> readAll(int limit, Source<T> source, Function<? super T, ?> key) {
        if (limit <= 0) {
            throw new IllegalArgumentException("page size must be positive");
        }
        Map<Object, T> items = new LinkedHashMap<>();
        int maxPages = MAX_PAGES;
        for (int page = 1; page <= maxPages; page++) {
            Page<T> current = source.fetch((page - 1) * limit + 1, limit);
            List<T> received = current.items() == null ? List.of() : current.items();
            int before = items.size();
            for (T item : received) {
                items.putIfAbsent(key.apply(item), item);
            }
            Integer total = current.total();
            if (total != null) {
                maxPages = Math.min(MAX_PAGES, (total + limit - 1) / limit);
            }
            boolean nothingNew = items.size() == before;
            boolean ignoredLimit = received.size() > limit;
            boolean shortPage = received.size() < limit;
            boolean complete = total != null && items.size() >= total;
            if (received.isEmpty() || nothingNew || ignoredLimit || shortPage || complete) {
                break;
            }
        }
        return new ArrayList<>(items.values());
    }
}
