package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.fleet.control.Listing;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The query parameters every list shares, validated here so resources stay thin. */
public class Paging {

    @QueryParam("limit")
    @DefaultValue("100")
    String limit;

    @QueryParam("offset")
    @DefaultValue("0")
    String offset;

    @QueryParam("sort")
    String sort;

    @QueryParam("order")
    @DefaultValue("asc")
    String order;

    int limit() {
        int value = integer("limit", limit);
        if (value < 1 || value > Listing.MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + Listing.MAX_LIMIT + ".");
        }
        return value;
    }

    int offset() {
        int value = integer("offset", offset);
        if (value < 0) {
            throw new BadRequestException("offset must be 0 or more.");
        }
        return value;
    }

    /** The comparator named by sort (or the first one when sort is absent), reversed for order=desc. */
    <T> Comparator<T> order(Map<String, Comparator<T>> sorts) {
        String key = sort == null || sort.isBlank() ? sorts.keySet().iterator().next()
                : sort.trim().toLowerCase(Locale.ROOT);
        Comparator<T> comparator = sorts.get(key);
        if (comparator == null) {
            throw new BadRequestException("sort must be one of " + sorts.keySet() + ".");
        }
        String direction = order == null ? "asc" : order.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("asc", "desc").contains(direction)) {
            throw new BadRequestException("order must be asc or desc.");
        }
        return direction.equals("desc") ? comparator.reversed() : comparator;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new BadRequestException(name + " must be one of: " + allowed + ".");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadRequestException(name + " must be a whole number.");
        }
    }
}
