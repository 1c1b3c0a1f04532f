package bench.io.fleetdashboard.metrics;

import static bench.io.fleetdashboard.Server.millisSince;
import static bench.io.fleetdashboard.Server.percentile;

import bench.io.fleetdashboard.BenchReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Figure 4: metrics ingestion into SQLite and a reader's p99 while a write round runs. The metrics store (issue 4)
 * is being built in parallel, so both set-ups are re-created here in the benchmark JVM with sqlite-jdbc; point
 * {@link #ours(Path)} at the real store's writer and reader once it exists.
 */
public final class SqliteFigures {

    /** One metrics sample: the shape the metrics store keeps. */
    public record Sample(String containerKey, String metric, long takenAt, double value) {
    }

    /** How a set-up writes a round of samples and answers a reader query. */
    public interface MetricsDb extends AutoCloseable {
        void write(List<Sample> round) throws SQLException;

        /** An indexed range query, as a chart would ask; on its own connection (this is called from the reader). */
        double read(String containerKey, String metric, long since) throws SQLException;

        @Override
        void close() throws SQLException;
    }

    static final String SCHEMA = "CREATE TABLE IF NOT EXISTS samples (container_key TEXT NOT NULL, metric TEXT NOT NULL,"
            + " taken_at INTEGER NOT NULL, value REAL NOT NULL)";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS samples_key_metric_time ON samples"
            + " (container_key, metric, taken_at)";
    static final String INSERT = "INSERT INTO samples (container_key, metric, taken_at, value) VALUES (?, ?, ?, ?)";
    static final String QUERY = "SELECT count(*), avg(value) FROM samples WHERE container_key = ? AND metric = ?"
            + " AND taken_at >= ?";
    static final int CONTAINERS = 1250;
    static final String[] METRICS = {"cpu", "memory", "net_rx", "net_tx"};

    private SqliteFigures() {
    }

    /** Ours: one reused writer connection (pool-like), WAL, synchronous=NORMAL, a round per transaction. */
    public static MetricsDb ours(Path file) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        Connection writer = DriverManager.getConnection(url);
        Connection reader = DriverManager.getConnection(url);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute(SCHEMA);
            s.execute(INDEX);
        }
        try (Statement s = reader.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        PreparedStatement insert = writer.prepareStatement(INSERT);
        PreparedStatement query = reader.prepareStatement(QUERY);
        return new MetricsDb() {
            @Override
            public void write(List<Sample> round) throws SQLException {
                writer.setAutoCommit(false);
                try {
                    for (Sample sample : round) {
                        insert.setString(1, sample.containerKey());
                        insert.setString(2, sample.metric());
                        insert.setLong(3, sample.takenAt());
                        insert.setDouble(4, sample.value());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    writer.commit();
                } catch (SQLException e) {
                    writer.rollback();
                    throw e;
                } finally {
                    writer.setAutoCommit(true);
                }
            }

            @Override
            public double read(String containerKey, String metric, long since) throws SQLException {
                return run(query, containerKey, metric, since);
            }

            @Override
            public void close() throws SQLException {
                insert.close();
                query.close();
                writer.close();
                reader.close();
            }
        };
    }

    /** The audit's "before": a new connection per operation, default rollback journal, autocommit per insert. */
    public static MetricsDb before(Path file) throws SQLException {
        String url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            s.execute(INDEX);
        }
        return new MetricsDb() {
            @Override
            public void write(List<Sample> round) throws SQLException {
                for (Sample sample : round) {
                    try (Connection c = open(url); PreparedStatement insert = c.prepareStatement(INSERT)) {
                        insert.setString(1, sample.containerKey());
                        insert.setString(2, sample.metric());
                        insert.setLong(3, sample.takenAt());
                        insert.setDouble(4, sample.value());
                        insert.executeUpdate();
                    }
                }
            }

            @Override
            public double read(String containerKey, String metric, long since) throws SQLException {
                try (Connection c = open(url); PreparedStatement query = c.prepareStatement(QUERY)) {
                    return run(query, containerKey, metric, since);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /** Python's sqlite3.connect waits 5 s on a locked database; so does this. */
    private static Connection open(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
        }
        return c;
    }

    private static double run(PreparedStatement query, String key, String metric, long since) throws SQLException {
        query.setString(1, key);
        query.setString(2, metric);
        query.setLong(3, since);
        try (ResultSet rs = query.executeQuery()) {
            rs.next();
            return rs.getDouble(2);
        }
    }

    static List<Sample> round(int size, long at) {
        List<Sample> samples = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            samples.add(new Sample("sim-" + (i % 5 + 1) + ":" + (i / 5 % 200 + 1) + ":c" + (i % CONTAINERS),
                    METRICS[i % METRICS.length], at + i / CONTAINERS, (i * 7919 % 1000) / 10.0));
        }
        return samples;
    }

    /** Result of one set-up: rows per second, reader latencies during one write round, reader errors. */
    record Outcome(double rowsPerSecond, double readerP99, double readerP50, int reads, int readerErrors,
                   int rowsTimed, double writeMillis) {
    }

    /**
     * Pre-fills {@code history} rounds (so the reader queries a real index), times {@code rounds} rounds of
     * {@code roundSize} samples, then one more round while a reader thread queries as fast as it can.
     */
    static Outcome measure(MetricsDb db, int history, int rounds, int roundSize) throws Exception {
        long t0 = 1_800_000_000L;
        for (int i = 0; i < history; i++) {
            db.write(round(roundSize, t0 + i * 60L));
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            db.write(round(roundSize, t0 + (history + i) * 60L));
        }
        double writeMillis = millisSince(started);
        double rate = rounds * roundSize / (writeMillis / 1000.0);

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger errors = new AtomicInteger();
        List<Double> latencies = new ArrayList<>();
        Thread reader = new Thread(() -> {
            int i = 0;
            while (writing.get() && i < 1_000_000) {
                long q = System.nanoTime();
                try {
                    db.read("sim-1:" + (i % 200 + 1) + ":c" + (i % CONTAINERS), METRICS[i % 4], t0);
                    synchronized (latencies) {
                        latencies.add(millisSince(q));
                    }
                } catch (SQLException e) {
                    errors.incrementAndGet();
                }
                i++;
            }
        }, "bench-sqlite-reader");
        reader.start();
        try {
            db.write(round(roundSize, t0 + (history + rounds) * 60L));
        } finally {
            writing.set(false);
            reader.join(30_000);
        }
        double[] l;
        synchronized (latencies) {
            l = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Outcome(rate, percentile(l, 99), percentile(l, 50), l.length, errors.get(), rounds * roundSize,
                writeMillis);
    }

    public static void run() throws Exception {
        Path dir = BenchReport.DIR.resolve("sqlite");
        Files.createDirectories(dir);
        Path oursFile = dir.resolve("ours.db");
        Path beforeFile = dir.resolve("before.db");
        for (Path p : List.of(oursFile, beforeFile)) {
            for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
                Files.deleteIfExists(Path.of(p + suffix));
            }
        }
        Outcome ours;
        try (MetricsDb db = ours(oursFile)) {
            ours = measure(db, 4, 10, 5_000);
        }
        Outcome before;
        try (MetricsDb db = before(beforeFile)) {
            // each insert is its own connection and its own journalled transaction: a smaller timed round
            before = measure(db, 0, 1, 1_000);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ours", "one reused connection, journal_mode=WAL, synchronous=NORMAL, 10 rounds of 5,000 samples,"
                + " one batched transaction per round");
        p.put("baseline", "new connection per insert, default rollback journal (DELETE), synchronous=FULL,"
                + " autocommit; 1,000 samples");
        p.put("sample", "container key, metric, time, value; index (container_key, metric, taken_at)");
        p.put("oursWriteMillis", ours.writeMillis());
        p.put("baselineWriteMillis", before.writeMillis());
        p.put("where", "benchmark JVM, sqlite-jdbc, files under target/bench/sqlite (mechanism only: the metrics"
                + " store is being built in parallel)");
        BenchReport.add("SQLite ingestion", "rows/s", ours.rowsPerSecond(), before.rowsPerSecond(), null,
                ">=10x the before rate", ours.rowsPerSecond() / before.rowsPerSecond() >= 10, p);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("query", "count/avg over (container_key, metric, taken_at >= t) via the index");
        r.put("oursReads", ours.reads());
        r.put("oursReaderErrors", ours.readerErrors());
        r.put("oursP50", ours.readerP50());
        r.put("baselineReads", before.reads());
        r.put("baselineReaderErrors", before.readerErrors());
        r.put("baselineP50", before.readerP50());
        r.put("during", "one write round (ours 5,000 samples in one transaction; before 1,000 autocommit inserts)");
        BenchReport.add("SQLite reader p99 during a write round", "ms", ours.readerP99(), before.readerP99(), null,
                null, null, r);
    }
}
