package io.fleetdashboard.fleet.entity;

import java.util.List;

/**
 * How old containers are, in days since they were created: equal-width bins (label "0-3 d") and the median, oldest
 * and newest age. counted says how many containers it covers (those with a creation time).
 */
public record AgeHistogram(List<Tally> bins, int counted, double medianDays, double oldestDays,
                           double newestDays) {

    public static final AgeHistogram EMPTY = new AgeHistogram(List.of(), 0, 0, 0, 0);
}
