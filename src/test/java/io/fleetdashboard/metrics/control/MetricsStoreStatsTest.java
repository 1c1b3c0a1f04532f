package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.metrics.entity.Severity;
import io.fleetdashboard.metrics.entity.StoreStats;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The store's statistics never scan a table on a request and ask the database at most once per STATS_TTL. */
class MetricsStoreStatsTest {

    @TempDir
    Path dir;

    final AtomicInteger connections = new AtomicInteger();
    final MetricsStore store = new MetricsStore();

    @BeforeEach
    void database() throws SQLException, IOException {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("fleet.db"));
        sqlite.setJournalMode("WAL");
        try (Connection c = sqlite.getConnection(); Statement s = c.createStatement();
             InputStream script = getClass().getResourceAsStream("/db/migration/V2__metrics.sql")) {
            StringBuilder sql = new StringBuilder();
            for (String line : new String(script.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            for (String statement : sql.toString().split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        // counts the connections the store takes, to see which calls reach the database
        store.dataSource = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                    }
                    try {
                        return method.invoke(sqlite, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aScrapeStormAsksTheDatabaseOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<StoreStats>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 64 * 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return store.stats();
                }));
            }
            start.countDown();
            for (Future<StoreStats> answer : answers) {
                StoreStats stats = answer.get();
                assertTrue(stats.databaseBytes() > 0);
                assertEquals("wal", stats.journalMode());
                assertNotNull(stats.measuredAt());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, connections.get(), "1,280 concurrent calls within the TTL, one measurement");
    }

    @Test
    void countsComeFromOneBackgroundCountAndFollowWritesAndPurges() {
        StoreStats before = store.stats();
        assertEquals(-1, before.rawSamples(), "unknown before the first count");
        assertNull(before.countedAt());
        store.countRows();
        assertEquals(0, store.stats().rawSamples());
        Instant old = Instant.now().minus(Duration.ofDays(40));
        List<Sample> samples = List.of(sample("c1", old), sample("c1", old.plusSeconds(30)),
                sample("c2", Instant.now()));
        Anomaly anomaly = new Anomaly("c1", "c1", "e", "e", Metric.CPU, old, 90, 10, 8, Direction.UP,
                Severity.CRITICAL);
        store.write(samples, List.of(anomaly), null);
        int afterWrite = connections.get();
        StoreStats written = store.stats();
        assertEquals(3, written.rawSamples());
        assertEquals(1, written.anomalies());
        assertEquals(0, written.rollups());
        assertEquals(afterWrite, connections.get(), "the counts need no query");
        store.maintain(Instant.now(), Duration.ofDays(7), Duration.ofDays(30));
        StoreStats maintained = store.stats();
        assertEquals(1, maintained.rawSamples(), "the 40-day-old samples were rolled up and purged");
        assertEquals(0, maintained.anomalies());
        assertEquals(0, maintained.rollups(), "their rollups are past the rollup retention as well");
        assertTrue(!maintained.countedAt().isBefore(written.countedAt()), "maintenance recounted");
    }

    private static Sample sample(String key, Instant at) {
        return new Sample(key, key, "e", "e", at, 1.0, 1024L, 1.0, 4096L, null, null, null, null);
    }
}
