package io.fleetdashboard.fleet.entity;

import java.util.List;
import java.util.function.Function;

/** One page of a filtered, sorted list; total counts every match, not just this page. */
public record Page<T>(int total, int offset, int limit, List<T> items) {

    public <V> Page<V> map(Function<T, V> view) {
        return new Page<>(total, offset, limit, items.stream().map(view).toList());
    }
}
