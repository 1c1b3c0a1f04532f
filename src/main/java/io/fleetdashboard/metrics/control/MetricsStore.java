package io.fleetdashboard.metrics.control;

import io.fleetdashboard.database.control.SqlDialect;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.TopConsumer;
import io.fleetdashboard.metrics.entity.ContainerRef;
import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.EndpointTotal;
import io.fleetdashboard.metrics.entity.MaintenanceReport;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.metrics.entity.SeriesPoint;
import io.fleetdashboard.metrics.entity.Severity;
import io.fleetdashboard.metrics.entity.StoreStats;
import io.fleetdashboard.metrics.entity.Top;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The metrics history in SQLite (tables of V2__metrics.sql), plain JDBC on the server's pool (jdbc/fleet, WAL).
 * <p>
 * Writes: one transaction per collection round ({@code BEGIN EXCLUSIVE}, JDBC batches for containers, samples and
 * anomalies, {@code COMMIT}). In WAL mode an exclusive writer does not stop readers: they read the last committed
 * state from their own snapshot. (In rollback-journal mode BEGIN EXCLUSIVE would lock every reader out until the
 * commit; MetricsWalIT relies on that difference.) Maintenance (rollup, purge) works in short transactions of its
 * own, so it never holds the write lock for long either.
 * <p>
 * Reads pick raw samples for ranges inside the raw retention and up to a day long, 5-minute rollups otherwise.
 */
@ApplicationScoped
public class MetricsStore {

    private static final Logger LOG = Logger.getLogger(MetricsStore.class.getName());
    static final long BUCKET_MILLIS = Duration.ofMinutes(5).toMillis();
    static final Duration RAW_RANGE_LIMIT = Duration.ofHours(24);
    private static final int PURGE_CHUNK = 10_000;
    /** How long {@link #stats()} answers from its last measurement before it asks the database again. */
    static final Duration STATS_TTL = Duration.ofSeconds(10);

    private final RowCounts rowCounts = new RowCounts();
    private final ReentrantLock measuring = new ReentrantLock();
    private volatile StoreStats measured;
    private volatile long measuredNanos;

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    private volatile SqlDialect dialect;

    /** SQLite or PostgreSQL: asked once, from the first connection. */
    private SqlDialect dialect(Connection c) throws SQLException {
        SqlDialect known = dialect;
        if (known == null) {
            known = SqlDialect.of(c);
            dialect = known;
        }
        return known;
    }

    /** Called inside the write transaction after the inserts, before the commit (the WAL test holds it open). */
    @FunctionalInterface
    public interface BeforeCommit {
        void run();
    }

    /** Stores one round in one transaction; returns the samples written. */
    public int write(List<Sample> samples, List<Anomaly> anomalies, BeforeCommit beforeCommit) {
        if (samples.isEmpty() && anomalies.isEmpty() && beforeCommit == null) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement begin = c.createStatement()) {
                begin.execute(dialect(c).beginExclusive());
            }
            try {
                Map<String, Sample> latest = new LinkedHashMap<>();
                for (Sample s : samples) {
                    latest.merge(s.containerKey(), s, (a, b) -> a.at().isAfter(b.at()) ? a : b);
                }
                try (PreparedStatement names = c.prepareStatement("INSERT INTO metric_container (container_key, "
                        + "name, endpoint_key, endpoint_name, last_seen) VALUES (?, ?, ?, ?, ?) ON CONFLICT "
                        + "(container_key) DO UPDATE SET name = excluded.name, endpoint_key = excluded.endpoint_key, "
                        + "endpoint_name = excluded.endpoint_name, last_seen = "
                        + dialect(c).greatest("metric_container.last_seen", "excluded.last_seen"))) {
                    for (Sample s : latest.values()) {
                        names.setString(1, s.containerKey());
                        names.setString(2, s.containerName());
                        names.setString(3, s.endpointKey());
                        names.setString(4, s.endpointName());
                        names.setLong(5, s.at().toEpochMilli());
                        names.addBatch();
                    }
                    names.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO metric_sample (container_key, "
                        + "taken_at, cpu, mem, mem_pct, mem_limit, net_rx, net_tx, blk_r, blk_w) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Sample s : samples) {
                        insert.setString(1, s.containerKey());
                        insert.setLong(2, s.at().toEpochMilli());
                        real(insert, 3, s.cpuPercent());
                        integer(insert, 4, s.memoryBytes());
                        real(insert, 5, s.memoryPercent());
                        integer(insert, 6, s.memoryLimit());
                        real(insert, 7, s.netRx());
                        real(insert, 8, s.netTx());
                        real(insert, 9, s.blockRead());
                        real(insert, 10, s.blockWrite());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO metric_anomaly (container_key, "
                        + "metric, taken_at, value, expected, score, direction, severity) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Anomaly a : anomalies) {
                        insert.setString(1, a.containerKey());
                        insert.setString(2, a.metric().apiName());
                        insert.setLong(3, a.at().toEpochMilli());
                        insert.setDouble(4, a.value());
                        insert.setDouble(5, a.expected());
                        insert.setDouble(6, a.score());
                        insert.setString(7, a.direction().name());
                        insert.setString(8, a.severity().name());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                if (beforeCommit != null) {
                    beforeCommit.run();
                }
                try (Statement commit = c.createStatement()) {
                    commit.execute("COMMIT");
                }
                rowCounts.changed(samples.size(), 0, anomalies.size());
                return samples.size();
            } catch (SQLException | RuntimeException e) {
                try (Statement rollback = c.createStatement()) {
                    rollback.execute("ROLLBACK");
                } catch (SQLException ignored) {
                    // the transaction may already be gone; the original error matters
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Writing " + samples.size() + " samples failed: " + e.getMessage(), e);
        }
    }

    /** Points of one metric of one container, from raw samples or from the 5-minute rollups. */
    public List<SeriesPoint> series(String containerKey, Metric metric, Instant from, Instant to, long stepSeconds,
                                    boolean rollups) {
        String col = metric.column();
        long stepMillis = Math.max(0, stepSeconds) * 1000;
        String sql;
        if (!rollups) {
            sql = stepMillis == 0
                    ? "SELECT taken_at, " + col + ", " + col + ", " + col + ", 1 FROM metric_sample WHERE "
                    + "container_key = ? AND taken_at >= ? AND taken_at <= ? AND " + col + " IS NOT NULL "
                    + "ORDER BY taken_at"
                    : "SELECT (taken_at / " + stepMillis + ") * " + stepMillis + " AS b, AVG(" + col + "), MIN("
                    + col + "), MAX(" + col + "), COUNT(" + col + ") FROM metric_sample WHERE container_key = ? "
                    + "AND taken_at >= ? AND taken_at <= ? AND " + col + " IS NOT NULL GROUP BY b ORDER BY b";
        } else {
            long bucket = Math.max(BUCKET_MILLIS, (stepMillis / BUCKET_MILLIS) * BUCKET_MILLIS);
            sql = "SELECT (bucket_start / " + bucket + ") * " + bucket + " AS b, SUM(" + col + "_sum) / SUM(" + col
                    + "_n), MIN(" + col + "_min), MAX(" + col + "_max), SUM(" + col + "_n) FROM metric_rollup "
                    + "WHERE container_key = ? AND bucket_start >= ? AND bucket_start <= ? AND " + col + "_n > 0 "
                    + "GROUP BY b ORDER BY b";
        }
        List<SeriesPoint> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, containerKey);
            q.setLong(2, rollups ? from.toEpochMilli() / BUCKET_MILLIS * BUCKET_MILLIS : from.toEpochMilli());
            q.setLong(3, to.toEpochMilli());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    points.add(new SeriesPoint(Instant.ofEpochMilli(r.getLong(1)), r.getDouble(2), r.getDouble(3),
                            r.getDouble(4), r.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading a series failed: " + e.getMessage(), e);
        }
        return points;
    }

    public Optional<ContainerRef> container(String key) {
        List<ContainerRef> found = containers("SELECT container_key, name, endpoint_key, endpoint_name, last_seen "
                + "FROM metric_container WHERE container_key = ?", key, 1);
        return found.stream().findFirst();
    }

    /** Containers with history whose name, endpoint or key contains the text; most recently seen first. */
    public List<ContainerRef> searchContainers(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip().replace("%", "").replace("_", "")) + "%";
        return containers("SELECT container_key, name, endpoint_key, endpoint_name, last_seen FROM metric_container "
                + "WHERE name %1$s ? OR endpoint_name %1$s ? OR container_key %1$s ? "
                + "ORDER BY last_seen DESC, name LIMIT " + Math.max(1, limit), like, limit);
    }

    private List<ContainerRef> containers(String sql, String parameter, int limit) {
        List<ContainerRef> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(String.format(sql, dialect(c).like()))) {
            for (int i = 1; i <= sql.chars().filter(ch -> ch == '?').count(); i++) {
                q.setString(i, parameter); // every placeholder takes the one parameter
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next() && out.size() < limit) {
                    out.add(new ContainerRef(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Instant.ofEpochMilli(r.getLong(5))));
                }
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading containers failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Each container's latest sample since {@code since}: top consumers and per-endpoint totals. */
    public Top top(Instant since, int limit) {
        List<Sample> latest = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT s.container_key, n.name, n.endpoint_key, n.endpoint_name, s.taken_at, s.cpu, s.mem, "
                        + "s.mem_pct, s.mem_limit, s.net_rx, s.net_tx, s.blk_r, s.blk_w FROM metric_sample s "
                        + "JOIN (SELECT container_key AS k, MAX(taken_at) AS m FROM metric_sample WHERE taken_at >= ? "
                        + "GROUP BY container_key) l ON s.container_key = l.k AND s.taken_at = l.m "
                        + "JOIN metric_container n ON n.container_key = s.container_key")) {
            q.setLong(1, since.toEpochMilli());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    latest.add(new Sample(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Instant.ofEpochMilli(r.getLong(5)), dbl(r, 6), lng(r, 7), dbl(r, 8), lng(r, 9),
                            dbl(r, 10), dbl(r, 11), dbl(r, 12), dbl(r, 13)));
                }
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading the latest samples failed: " + e.getMessage(), e);
        }
        List<TopConsumer> byCpu = latest.stream().filter(s -> s.cpuPercent() != null)
                .sorted(Comparator.comparingDouble(Sample::cpuPercent).reversed()).limit(limit)
                .map(MetricsStore::consumer).toList();
        List<TopConsumer> byMemory = latest.stream().filter(s -> s.memoryBytes() != null)
                .sorted(Comparator.comparingLong(Sample::memoryBytes).reversed()).limit(limit)
                .map(MetricsStore::consumer).toList();
        Map<String, List<Sample>> perEndpoint = new LinkedHashMap<>();
        latest.stream().sorted(Comparator.comparing(Sample::endpointKey))
                .forEach(s -> perEndpoint.computeIfAbsent(s.endpointKey(), k -> new ArrayList<>()).add(s));
        List<EndpointTotal> totals = perEndpoint.values().stream().map(list -> new EndpointTotal(
                list.get(0).endpointKey(), list.get(0).endpointName(), list.size(),
                list.stream().mapToDouble(s -> zero(s.cpuPercent())).sum(),
                list.stream().mapToLong(s -> s.memoryBytes() == null ? 0 : s.memoryBytes()).sum(),
                list.stream().mapToDouble(s -> zero(s.netRx())).sum(),
                list.stream().mapToDouble(s -> zero(s.netTx())).sum(),
                list.stream().mapToDouble(s -> zero(s.blockRead())).sum(),
                list.stream().mapToDouble(s -> zero(s.blockWrite())).sum()))
                .sorted(Comparator.comparingDouble(EndpointTotal::cpuPercent).reversed()).toList();
        return new Top(since, byCpu, byMemory, totals);
    }

    /** Filter of {@link #anomalies}; null parts match everything. */
    public record AnomalyQuery(Instant from, Instant to, String containerKey, Metric metric, Severity severity,
                               Direction direction, int limit) {
    }

    public List<Anomaly> anomalies(AnomalyQuery query) {
        StringBuilder sql = new StringBuilder("SELECT a.container_key, COALESCE(n.name, a.container_key), "
                + "COALESCE(n.endpoint_key, ''), COALESCE(n.endpoint_name, ''), a.metric, a.taken_at, a.value, "
                + "a.expected, a.score, a.direction, a.severity FROM metric_anomaly a LEFT JOIN metric_container n "
                + "ON n.container_key = a.container_key WHERE a.taken_at >= ? AND a.taken_at <= ?");
        List<Object> parameters = new ArrayList<>(List.of(query.from().toEpochMilli(), query.to().toEpochMilli()));
        if (query.containerKey() != null) {
            sql.append(" AND a.container_key = ?");
            parameters.add(query.containerKey());
        }
        if (query.metric() != null) {
            sql.append(" AND a.metric = ?");
            parameters.add(query.metric().apiName());
        }
        if (query.severity() != null) {
            sql.append(" AND a.severity = ?");
            parameters.add(query.severity().name());
        }
        if (query.direction() != null) {
            sql.append(" AND a.direction = ?");
            parameters.add(query.direction().name());
        }
        sql.append(" ORDER BY a.taken_at DESC, a.id DESC LIMIT ").append(Math.max(1, query.limit()));
        List<Anomaly> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                q.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Anomaly(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            Metric.parse(r.getString(5)).orElse(Metric.CPU), Instant.ofEpochMilli(r.getLong(6)),
                            r.getDouble(7), r.getDouble(8), r.getDouble(9), Direction.valueOf(r.getString(10)),
                            Severity.valueOf(r.getString(11))));
                }
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading anomalies failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Samples of the last {@code since}, oldest first, to seed the detector after a restart. */
    public List<Sample> samplesSince(Instant since) {
        List<Sample> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT container_key, taken_at, cpu, mem, mem_pct, mem_limit, net_rx, net_tx, blk_r, blk_w "
                        + "FROM metric_sample WHERE taken_at >= ? ORDER BY taken_at")) {
            q.setLong(1, since.toEpochMilli());
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    out.add(new Sample(r.getString(1), "", "", "", Instant.ofEpochMilli(r.getLong(2)), dbl(r, 3),
                            lng(r, 4), dbl(r, 5), lng(r, 6), dbl(r, 7), dbl(r, 8), dbl(r, 9), dbl(r, 10)));
                }
            }
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading recent samples failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Rolls every raw sample not rolled up yet and older than the current 5-minute bucket into metric_rollup (merging
     * into buckets that exist: late or imported samples are fine), an hour of sample time per transaction; then
     * deletes raw samples older than the raw retention (only rolled ones), rollups and anomalies older than the
     * rollup retention, in chunks of short transactions.
     */
    public MaintenanceReport maintain(Instant now, Duration rawRetention, Duration rollupRetention) {
        long started = System.nanoTime();
        long boundary = now.toEpochMilli() / BUCKET_MILLIS * BUCKET_MILLIS;
        long rolled = 0;
        long purgedSamples = 0;
        long purgedRollups;
        long purgedAnomalies;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            Long oldest = firstLong(c, "SELECT MIN(taken_at) FROM metric_sample WHERE rolled = 0");
            if (oldest != null) {
                for (long sliceStart = oldest / BUCKET_MILLIS * BUCKET_MILLIS; sliceStart < boundary;
                     sliceStart += Duration.ofHours(1).toMillis()) {
                    long sliceEnd = Math.min(boundary, sliceStart + Duration.ofHours(1).toMillis());
                    rolled += rollUp(c, sliceStart, sliceEnd);
                }
            }
            long rawCutoff = now.minus(rawRetention).toEpochMilli();
            int deleted;
            do {
                String rowId = dialect(c).rowId();
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM metric_sample WHERE " + rowId
                        + " IN (SELECT " + rowId + " FROM metric_sample WHERE taken_at < ? AND rolled = 1 LIMIT "
                        + PURGE_CHUNK + ")")) {
                    delete.setLong(1, rawCutoff);
                    deleted = delete.executeUpdate();
                    purgedSamples += deleted;
                }
            } while (deleted == PURGE_CHUNK);
            long rollupCutoff = now.minus(rollupRetention).toEpochMilli();
            purgedRollups = update(c, "DELETE FROM metric_rollup WHERE bucket_start < ?", rollupCutoff);
            purgedAnomalies = update(c, "DELETE FROM metric_anomaly WHERE taken_at < ?", rollupCutoff);
            update(c, "DELETE FROM metric_container WHERE last_seen < ?", rollupCutoff);
            countRows(c);
        } catch (SQLException e) {
            throw new MetricsStoreException("Metrics maintenance failed: " + e.getMessage(), e);
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        long rolledFinal = rolled;
        long purgedFinal = purgedSamples;
        LOG.fine(() -> "Metrics maintenance: rolled up " + rolledFinal + ", purged " + purgedFinal + " in "
                + millis + " ms");
        return new MaintenanceReport(now, millis, rolled, purgedSamples, purgedRollups, purgedAnomalies);
    }

    private long rollUp(Connection c, long from, long to) throws SQLException {
        SqlDialect sql = dialect(c);
        StringBuilder select = new StringBuilder("SELECT container_key, (taken_at / " + BUCKET_MILLIS + ") * "
                + BUCKET_MILLIS + " AS b");
        StringBuilder columns = new StringBuilder("container_key, bucket_start");
        StringBuilder merge = new StringBuilder();
        for (Metric m : Metric.values()) {
            String k = m.column();
            select.append(", MIN(").append(k).append("), MAX(").append(k).append("), SUM(").append(k)
                    .append("), COUNT(").append(k).append(")");
            columns.append(", ").append(k).append("_min, ").append(k).append("_max, ").append(k).append("_sum, ")
                    .append(k).append("_n");
            String old = "metric_rollup." + k; // the stored row's columns, qualified (PostgreSQL insists)
            String add = "excluded." + k;
            merge.append(merge.isEmpty() ? "" : ", ")
                    .append(k).append("_min = ").append(sql.least("COALESCE(" + old + "_min, " + add + "_min)",
                            "COALESCE(" + add + "_min, " + old + "_min)")).append(", ")
                    .append(k).append("_max = ").append(sql.greatest("COALESCE(" + old + "_max, " + add + "_max)",
                            "COALESCE(" + add + "_max, " + old + "_max)")).append(", ")
                    .append(k).append("_sum = COALESCE(").append(old).append("_sum, 0) + COALESCE(")
                    .append(add).append("_sum, 0), ")
                    .append(k).append("_n = ").append(old).append("_n + ").append(add).append("_n");
        }
        select.append(" FROM metric_sample WHERE rolled = 0 AND taken_at >= ? AND taken_at < ? "
                + "GROUP BY container_key, b");
        String upsert = "INSERT INTO metric_rollup (" + columns + ") " + select
                + " ON CONFLICT (container_key, bucket_start) DO UPDATE SET " + merge;
        try (Statement begin = c.createStatement()) {
            begin.execute(sql.beginWrite());
        }
        try {
            try (PreparedStatement insert = c.prepareStatement(upsert)) {
                insert.setLong(1, from);
                insert.setLong(2, to);
                insert.executeUpdate();
            }
            long marked;
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE metric_sample SET rolled = 1 WHERE rolled = 0 AND taken_at >= ? AND taken_at < ?")) {
                mark.setLong(1, from);
                mark.setLong(2, to);
                marked = mark.executeUpdate();
            }
            try (Statement commit = c.createStatement()) {
                commit.execute("COMMIT");
            }
            return marked;
        } catch (SQLException | RuntimeException e) {
            try (Statement rollback = c.createStatement()) {
                rollback.execute("ROLLBACK");
            } catch (SQLException ignored) {
                // keep the original error
            }
            throw e;
        }
    }

    /**
     * Database and WAL size, row counts and the journal mode (which must be "wal"), for the status API and the
     * /metrics gauge, which anyone may ask for as often as they like. So no table is ever scanned here: the sizes
     * come from PRAGMAs (no scan) at most once per {@link #STATS_TTL} (one caller measures, the others meanwhile get
     * the previous figures), the counts from {@link RowCounts}.
     */
    public StoreStats stats() {
        if (stale()) {
            if (measured == null) {
                measuring.lock(); // nothing to answer with yet: wait for the first measurement
            } else if (!measuring.tryLock()) {
                return withCounts(measured); // another caller is measuring: the previous figures meanwhile
            }
            try {
                if (stale()) {
                    measured = measure();
                    measuredNanos = System.nanoTime();
                }
            } finally {
                measuring.unlock();
            }
        }
        return withCounts(measured);
    }

    private boolean stale() {
        return measured == null || System.nanoTime() - measuredNanos >= STATS_TTL.toNanos();
    }

    private StoreStats withCounts(StoreStats sizes) {
        RowCounts.Counts counts = rowCounts.current();
        return new StoreStats(sizes.databaseBytes(), sizes.walBytes(), counts.samples(), counts.rollups(),
                counts.anomalies(), sizes.journalMode(), sizes.measuredAt(), counts.countedAt());
    }

    private StoreStats measure() {
        try (Connection c = dataSource.getConnection()) {
            if (dialect(c) == SqlDialect.POSTGRESQL) {
                // The server's own size of the database (its WAL is the server's, not ours to report).
                return new StoreStats(firstLong(c, "SELECT pg_database_size(current_database())"), 0, -1, -1, -1,
                        "postgresql", Instant.now(), null);
            }
            long pages = firstLong(c, "PRAGMA page_count");
            long pageSize = firstLong(c, "PRAGMA page_size");
            String journal;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                journal = r.next() ? r.getString(1) : "";
            }
            long walBytes = 0;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA database_list")) {
                while (r.next()) {
                    if ("main".equals(r.getString(2)) && r.getString(3) != null && !r.getString(3).isEmpty()) {
                        Path wal = Path.of(r.getString(3) + "-wal");
                        walBytes = Files.exists(wal) ? Files.size(wal) : 0;
                    }
                }
            } catch (java.io.IOException e) {
                walBytes = -1;
            }
            return new StoreStats(pages * pageSize, walBytes, -1, -1, -1, journal, Instant.now(), null);
        } catch (SQLException e) {
            throw new MetricsStoreException("Reading store statistics failed: " + e.getMessage(), e);
        }
    }

    /** Counts the rows of the metrics tables (full scans: for background jobs only, never per request). */
    public void countRows() {
        try (Connection c = dataSource.getConnection()) {
            countRows(c);
        } catch (SQLException e) {
            throw new MetricsStoreException("Counting the metrics rows failed: " + e.getMessage(), e);
        }
    }

    private void countRows(Connection c) throws SQLException {
        Instant at = Instant.now();
        rowCounts.counted(firstLong(c, "SELECT COUNT(*) FROM metric_sample"),
                firstLong(c, "SELECT COUNT(*) FROM metric_rollup"),
                firstLong(c, "SELECT COUNT(*) FROM metric_anomaly"), at);
    }

    private static Long firstLong(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            if (r.next()) {
                long v = r.getLong(1);
                return r.wasNull() ? null : v;
            }
            return null;
        }
    }

    private static long update(Connection c, String sql, long parameter) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, parameter);
            return p.executeUpdate();
        }
    }

    private static TopConsumer consumer(Sample s) {
        return new TopConsumer(s.containerKey(), s.containerName(), s.endpointKey(), s.endpointName(), s.at(),
                s.cpuPercent(), s.memoryBytes(), s.memoryPercent());
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }

    private static void real(PreparedStatement p, int index, Double value) throws SQLException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            p.setNull(index, Types.REAL);
        } else {
            p.setDouble(index, value);
        }
    }

    private static void integer(PreparedStatement p, int index, Long value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.INTEGER);
        } else {
            p.setLong(index, value);
        }
    }

    private static Double dbl(ResultSet r, int index) throws SQLException {
        double v = r.getDouble(index);
        return r.wasNull() ? null : v;
    }

    private static Long lng(ResultSet r, int index) throws SQLException {
        long v = r.getLong(index);
        return r.wasNull() ? null : v;
    }
}
