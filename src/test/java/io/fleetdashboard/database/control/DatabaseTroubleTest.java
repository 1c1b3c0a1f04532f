package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class DatabaseTroubleTest {

    @TempDir
    Path dir;

    @Test
    void aWriteRefusedBecauseAnotherConnectionHoldsTheLockIsBusy() throws Exception {
        SQLiteDataSource data = sqlite(100);
        try (Connection holder = data.getConnection(); Connection writer = data.getConnection();
             Statement hold = holder.createStatement(); Statement write = writer.createStatement()) {
            hold.execute("CREATE TABLE t (v TEXT)");
            hold.execute("BEGIN EXCLUSIVE");
            SQLException refused = assertThrows(SQLException.class,
                    () -> write.executeUpdate("INSERT INTO t VALUES ('x')"));
            assertEquals(Optional.of(DatabaseTrouble.BUSY), DatabaseTrouble.of(refused));
            // as JPA and JTA hand it on: wrapped, sometimes with only the text kept
            assertEquals(Optional.of(DatabaseTrouble.BUSY), DatabaseTrouble.of(
                    new PersistenceException("flush failed", new RuntimeException(refused))));
            assertEquals(Optional.of(DatabaseTrouble.BUSY), DatabaseTrouble.of(
                    new RuntimeException(refused.getMessage())));
            hold.execute("ROLLBACK");
        }
    }

    @Test
    void aWriteBeyondTheSpaceLeftIsFull() throws Exception {
        SQLiteDataSource data = sqlite(100);
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (v BLOB)");
            statement.execute("PRAGMA max_page_count = " + (pageCount(statement) + 4));
            SQLException full = assertThrows(SQLException.class, () -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?)")) {
                    for (int i = 0; i < 100; i++) {
                        insert.setBytes(1, new byte[64 * 1024]);
                        insert.executeUpdate();
                    }
                }
            });
            assertEquals(Optional.of(DatabaseTrouble.FULL), DatabaseTrouble.of(full));
            assertTrue(DatabaseTrouble.FULL.message().contains("full"));
        }
    }

    @Test
    void postgresStatesAndPoolTimeoutsAreKnown() {
        assertEquals(Optional.of(DatabaseTrouble.FULL), DatabaseTrouble.of(new SQLException("no space", "53100")));
        assertEquals(Optional.of(DatabaseTrouble.BUSY), DatabaseTrouble.of(new SQLException("lock", "55P03")));
        assertEquals(Optional.of(DatabaseTrouble.BUSY), DatabaseTrouble.of(new SQLException("timeout", "57014")));
        assertEquals(Optional.of(DatabaseTrouble.UNAVAILABLE),
                DatabaseTrouble.of(new SQLException("connection lost", "08006")));
        assertEquals(Optional.of(DatabaseTrouble.BUSY),
                DatabaseTrouble.of(new RuntimeException(new SQLTransientConnectionException("pool empty"))));
    }

    @Test
    void otherFailuresAreNotDatabaseTrouble() {
        assertEquals(Optional.empty(), DatabaseTrouble.of(new IllegalStateException("no")));
        assertEquals(Optional.empty(), DatabaseTrouble.of(new SQLException("syntax error", "42601")));
        assertEquals(Optional.empty(), DatabaseTrouble.of(null));
        // a cause cycle ends
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Optional.empty(), DatabaseTrouble.of(a));
    }

    private SQLiteDataSource sqlite(int busyMillis) {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + dir.resolve("trouble.db"));
        data.setJournalMode("WAL");
        data.setBusyTimeout(busyMillis);
        return data;
    }

    private static long pageCount(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("PRAGMA page_count")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
