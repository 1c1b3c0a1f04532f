package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.database.control.TestPostgres;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import io.fleetdashboard.metrics.entity.Severity;
import io.fleetdashboard.metrics.entity.StoreStats;
import io.fleetdashboard.metrics.entity.Top;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The metrics store's SQL on a real PostgreSQL (the shared database of several instances), migrated as in production. */
class MetricsStorePostgreSQLTest {

    final MetricsStore store = new MetricsStore();
    final Instant bucket = Instant.ofEpochMilli(Instant.now().minus(Duration.ofHours(2)).toEpochMilli()
            / MetricsStore.BUCKET_MILLIS * MetricsStore.BUCKET_MILLIS);

    @BeforeEach
    void database() {
        store.dataSource = TestPostgres.migratedDatabase();
    }

    @Test
    void writesReadsRollsUpAndPurges() {
        Instant epochMillisPast32Bits = bucket;
        store.write(List.of(sample("sim-1:3:a", "Web", bucket, 10.0), sample("sim-1:3:a", "web", bucket.plusSeconds(60),
                        30.0), sample("sim-1:3:b", "db", bucket.plusSeconds(30), 50.0)),
                List.of(new Anomaly("sim-1:3:a", "web", "sim-1:3", "primary", Metric.CPU, bucket.plusSeconds(60), 30,
                        10, 6, Direction.UP, Severity.WARNING)), null);

        List<SeriesPoint> raw = store.series("sim-1:3:a", Metric.CPU, bucket, bucket.plusSeconds(120), 0, false);
        assertEquals(List.of(10.0, 30.0), raw.stream().map(SeriesPoint::value).toList());
        List<SeriesPoint> stepped = store.series("sim-1:3:a", Metric.CPU, bucket, bucket.plusSeconds(120), 300,
                false);
        assertEquals(1, stepped.size());
        assertEquals(20.0, stepped.get(0).value(), 1e-9);
        assertEquals(epochMillisPast32Bits, stepped.get(0).at(), "epoch milliseconds need 64-bit columns");

        assertEquals("web", store.container("sim-1:3:a").map(ContainerRef::name).orElseThrow(),
                "the newest name wins the upsert");
        assertEquals(List.of("sim-1:3:a"), store.searchContainers("WEB", 10).stream().map(ContainerRef::key)
                .toList(), "the search ignores case, as on SQLite");

        Top top = store.top(bucket, 5);
        assertEquals("sim-1:3:b", top.cpu().get(0).key());
        assertEquals(1, store.anomalies(new MetricsStore.AnomalyQuery(bucket, bucket.plusSeconds(600), null, null,
                null, null, 10)).size());

        // the rollup's upsert merges a second pass into the same bucket (GREATEST/LEAST instead of 2-argument MAX/MIN)
        store.maintain(bucket.plus(Duration.ofMinutes(10)), Duration.ofDays(7), Duration.ofDays(30));
        store.write(List.of(sample("sim-1:3:a", "web", bucket.plusSeconds(90), 80.0)), List.of(), null);
        store.maintain(bucket.plus(Duration.ofMinutes(10)), Duration.ofDays(7), Duration.ofDays(30));
        List<SeriesPoint> rolled = store.series("sim-1:3:a", Metric.CPU, bucket, bucket.plusSeconds(300), 300, true);
        assertEquals(1, rolled.size());
        assertEquals(40.0, rolled.get(0).value(), 1e-9, "(10 + 30 + 80) / 3");
        assertEquals(10.0, rolled.get(0).min(), 1e-9);
        assertEquals(80.0, rolled.get(0).max(), 1e-9);
        assertEquals(3, rolled.get(0).samples());

        // raw retention: the chunked delete by row id (ctid on PostgreSQL)
        store.maintain(bucket.plus(Duration.ofDays(2)), Duration.ofDays(1), Duration.ofDays(30));
        store.countRows();
        StoreStats stats = store.stats();
        assertEquals(0, stats.rawSamples());
        assertEquals(2, stats.rollups());
        assertEquals("postgresql", stats.journalMode());
        assertTrue(stats.databaseBytes() > 0);
    }

    private static Sample sample(String key, String name, Instant at, double cpu) {
        return new Sample(key, name, "sim-1:3", "primary", at, cpu, 1024L, 1.5, 4096L, 1.0, 2.0, null, null);
    }
}
