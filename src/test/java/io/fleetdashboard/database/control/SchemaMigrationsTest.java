package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SchemaMigrationsTest {

    @TempDir
    Path dir;

    /** Configured like the jdbc/fleet dataSource in liberty/server.xml. */
    private SQLiteDataSource dataSource() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("fleet.db"));
        dataSource.setJournalMode("WAL");
        dataSource.setSynchronous("NORMAL");
        dataSource.setEnforceForeignKeys(true);
        return dataSource;
    }

    private SchemaMigrations migrations() {
        SchemaMigrations migrations = new SchemaMigrations();
        migrations.dataSource = dataSource();
        return migrations;
    }

    @Test
    void appliesScriptsOnceAndRecordsThem() throws SQLException {
        assertTrue(migrations().migrate().contains(1));
        assertEquals(List.of(), migrations().migrate(), "nothing left on the second start");
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT version, description FROM schema_version")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getInt(1));
                assertEquals("environments", rows.getString(2));
            }
            statement.executeUpdate("INSERT INTO environment (name, display_name, api_url, api_key_ciphertext, "
                    + "source, created_at, updated_at) VALUES ('prod', 'Prod', 'http://p/api', 'v1:x', 'ENV', 1, 1)");
            try (ResultSet rows = statement.executeQuery("SELECT last_insert_rowid()")) {
                assertTrue(rows.next());
                assertEquals(1, rows.getLong(1), "INTEGER PRIMARY KEY is the rowid: IDENTITY via last_insert_rowid()");
            }
        }
    }

    @Test
    void databaseRunsInWalMode() throws SQLException {
        migrations().migrate();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA journal_mode")) {
            assertTrue(rows.next());
            assertEquals("wal", rows.getString(1));
        }
    }

    @Test
    void statementsAreSplitOutsideQuotesCommentsAndTriggers() {
        List<String> statements = SchemaMigrations.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (x TEXT DEFAULT 'a;b');
                INSERT INTO a VALUES ("q;q");
                CREATE TRIGGER t AFTER INSERT ON a BEGIN
                  UPDATE a SET x = 'y';
                  DELETE FROM a WHERE x = 'z';
                END;
                CREATE INDEX i ON a (x)""");
        assertEquals(4, statements.size(), statements.toString());
        assertEquals("CREATE TABLE a (x TEXT DEFAULT 'a;b')", statements.get(0));
        assertTrue(statements.get(2).startsWith("CREATE TRIGGER") && statements.get(2).endsWith("END"));
        assertEquals("CREATE INDEX i ON a (x)", statements.get(3));
    }

    @Test
    void indexListsVersionedScripts() {
        var scripts = SchemaMigrations.scripts("# comment\n\nV1__environments.sql\n");
        assertEquals(1, scripts.size());
        assertEquals("V1__environments.sql", scripts.get(1).fileName());
    }
}
