package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.BadRequestException;
import io.fleetdashboard.api.boundary.QueryParams;
import java.time.Duration;
import java.time.Instant;

/**
 * from/to query parameters, each as {@link QueryParams#instant} reads them (ISO-8601, epoch milliseconds or an age
 * such as "1h"). to defaults to now, from to one hour before to; from before to, at most 31 days apart.
 */
public record TimeRange(Instant from, Instant to) {

    static final Duration LONGEST = Duration.ofDays(31);

    public static TimeRange parse(String from, String to, Instant now) {
        Instant end = QueryParams.absent(to) ? now : QueryParams.instant("to", to, now);
        Instant start = QueryParams.absent(from) ? end.minus(Duration.ofHours(1)) : QueryParams.instant("from", from, now);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to.");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new BadRequestException("The range may span at most 31 days.");
        }
        return new TimeRange(start, end);
    }
}
