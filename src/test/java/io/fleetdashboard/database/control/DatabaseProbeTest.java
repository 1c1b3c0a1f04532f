package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class DatabaseProbeTest {

    @TempDir
    Path dir;

    final AtomicInteger connections = new AtomicInteger();
    final AtomicBoolean broken = new AtomicBoolean();
    final AtomicLong now = new AtomicLong();

    DatabaseProbe probe() {
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + dir.resolve("probe.db"));
        DatabaseProbe probe = new DatabaseProbe();
        probe.database = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connections.incrementAndGet();
                        if (broken.get()) {
                            throw new SQLException("database is locked");
                        }
                        return (Connection) sqlite.getConnection();
                    }
                    return method.invoke(sqlite, args);
                });
        probe.nanoClock = now::get;
        return probe;
    }

    @Test
    void aStormOfProbesTakesOneConnectionPerPeriod() throws Exception {
        DatabaseProbe probe = probe();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return probe.answers();
                }));
            }
            start.countDown();
            for (Future<Boolean> answer : answers) {
                answer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, connections.get(), "one caller asked the database, the others got its answer");
        assertTrue(probe.answers());
        int before = connections.get();
        now.addAndGet(DatabaseProbe.EVERY.toNanos() - 1);
        probe.answers();
        assertEquals(before, connections.get(), "still within the period");
    }

    @Test
    void aBrokenDatabaseIsReportedWithinOnePeriodAndItsRecoveryToo() {
        DatabaseProbe probe = probe();
        assertTrue(probe.answers());
        broken.set(true);
        now.addAndGet(DatabaseProbe.EVERY.toNanos());
        assertFalse(probe.answers(), "the error text never leaves the probe, only the answer");
        broken.set(false);
        assertFalse(probe.answers(), "cached for the period");
        now.addAndGet(DatabaseProbe.EVERY.toNanos());
        assertTrue(probe.answers());
    }
}
