package io.fleetdashboard.logsearch.entity;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The lines found, newest first, and how many matched in all.
 *
 * @param total           how many lines matched (Elasticsearch's hits.total); at least this many when
 *                        {@code totalIsLowerBound}
 * @param searchedAt      when the answer came back
 * @param tookMillis      the search's round trip
 */
public record LogSearchResult(List<LogHit> hits, long total, boolean totalIsLowerBound, Instant searchedAt,
                              long tookMillis) implements Serializable {

    public LogSearchResult {
        hits = List.copyOf(hits);
    }
}
