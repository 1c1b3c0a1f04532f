package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Listing;
import jakarta.ws.rs.QueryParam;
import java.util.Comparator;
import java.util.Map;

/** The query parameters every list shares, validated through {@link QueryParams} so resources stay thin. */
public class Paging {

    static final int DEFAULT_LIMIT = 100;

    @QueryParam("limit")
    String limit;

    @QueryParam("offset")
    String offset;

    @QueryParam("sort")
    String sort;

    @QueryParam("order")
    String order;

    int limit() {
        return QueryParams.intParam("limit", limit, DEFAULT_LIMIT, 1, Listing.MAX_LIMIT);
    }

    int offset() {
        return QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
    }

    /** The comparator named by sort (or the first one when sort is absent), reversed for order=desc. */
    <T> Comparator<T> order(Map<String, Comparator<T>> sorts) {
        Comparator<T> comparator = QueryParams.choice("sort", sort, sorts, sorts.values().iterator().next());
        String direction = QueryParams.word("order", order, "asc", "asc", "desc");
        return direction.equals("desc") ? comparator.reversed() : comparator;
    }
}
