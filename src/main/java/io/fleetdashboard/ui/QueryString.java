package io.fleetdashboard.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** A URL query built from the parameters that are set: "?environment=sim-1&status=online", or "" when none is. */
public final class QueryString {

    private final StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");

    public QueryString add(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    @Override
    public String toString() {
        return query.toString();
    }
}
