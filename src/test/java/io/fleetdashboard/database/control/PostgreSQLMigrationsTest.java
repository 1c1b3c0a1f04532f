package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The SQLite-written migrations on a real PostgreSQL: all of them apply, once, also when two instances start at once. */
class PostgreSQLMigrationsTest {

    @Test
    void everyMigrationAppliesOnceEvenWithTwoInstancesStartingTogether() throws Exception {
        PGSimpleDataSource dataSource = TestPostgres.newDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<List<Integer>> first = pool.submit(() -> migrations(dataSource).migrate());
            Future<List<Integer>> second = pool.submit(() -> migrations(dataSource).migrate());
            List<Integer> a = first.get();
            List<Integer> b = second.get();
            int scripts = SchemaMigrations.scripts(resource()).size();
            assertEquals(scripts, a.size() + b.size(), "one instance applied every script, the other none");
            assertTrue(a.isEmpty() || b.isEmpty());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), migrations(dataSource).migrate(), "nothing left on the next start");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_name = "
                     + "'audit_entry' AND column_name = 'at'")) {
            assertTrue(r.next());
            assertEquals("bigint", r.getString(1), "epoch milliseconds do not fit PostgreSQL's 32-bit INTEGER");
        }
    }

    @Test
    void identityKeysFillThemselvesIn() throws SQLException {
        PGSimpleDataSource dataSource = TestPostgres.newDatabase();
        migrations(dataSource).migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO alert_maintenance (name, starts_at, ends_at, created_by, created_at) "
                    + "VALUES ('w', 1, 2, 'admin', 1764756000000)");
            s.execute("INSERT INTO alert_maintenance (name, starts_at, ends_at, created_by, created_at) "
                    + "VALUES ('w2', 1, 2, 'admin', 1764756000000)");
            try (ResultSet r = s.executeQuery("SELECT MAX(id) FROM alert_maintenance")) {
                assertTrue(r.next());
                assertEquals(2, r.getLong(1));
            }
        }
    }

    private static SchemaMigrations migrations(PGSimpleDataSource dataSource) {
        SchemaMigrations migrations = new SchemaMigrations();
        migrations.dataSource = dataSource;
        return migrations;
    }

    private static String resource() throws java.io.IOException {
        try (var in = SchemaMigrations.class.getClassLoader().getResourceAsStream("db/migration/index.txt")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
