package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.fleet.control.Listing;
import jakarta.ws.rs.QueryParam;

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

    /** Sort and order from named parameters (for callers without a request). */
    static Paging of(java.util.Map<String, String> parameters) {
        Paging paging = new Paging();
        paging.sort = parameters.get("sort");
        paging.order = parameters.get("order");
        return paging;
    }

    int limit() {
        return QueryParams.intParam("limit", limit, DEFAULT_LIMIT, 1, Listing.MAX_LIMIT);
    }

    int offset() {
        return QueryParams.intParam("offset", offset, 0, 0, Integer.MAX_VALUE);
    }

    /** The sort field named by sort (in lower case), or the default when absent. */
    <E extends Enum<E>> E sort(Class<E> fields, E defaultField) {
        return QueryParams.enumParam("sort", sort, fields, defaultField);
    }

    /** order=desc. */
    boolean descending() {
        return descending(false);
    }

    /** order=desc, or desc by default when the list's natural order is "most first". */
    boolean descending(boolean byDefault) {
        return QueryParams.word("order", order, byDefault ? "desc" : "asc", "asc", "desc").equals("desc");
    }
}
