package io.fleetdashboard.fleet.entity;

import java.util.List;

/** One page of a filtered, sorted list; total counts every match, not just this page. */
public record Page<T>(int total, int offset, int limit, List<T> items) {
}
