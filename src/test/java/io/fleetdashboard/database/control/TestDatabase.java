package io.fleetdashboard.database.control;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.util.Map;
import org.sqlite.SQLiteDataSource;

/** The real schema and persistence unit `fleet` (EclipseLink, RESOURCE_LOCAL) on a SQLite file, for unit tests. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** A migrated fleet.db in the directory (created if missing), for plain JDBC tests. */
    public static SQLiteDataSource migratedSqlite(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + dir.resolve("fleet.db"));
        dataSource.setJournalMode("WAL");
        dataSource.setBusyTimeout(5000);
        SchemaMigrations migrations = new SchemaMigrations();
        migrations.dataSource = dataSource;
        migrations.migrate();
        return dataSource;
    }

    /** Migrates fleet.db in the directory and opens the persistence unit on it. */
    public static EntityManagerFactory open(Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("fleet.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(url);
        dataSource.setJournalMode("WAL");
        SchemaMigrations migrations = new SchemaMigrations();
        migrations.dataSource = dataSource;
        migrations.migrate();
        return Persistence.createEntityManagerFactory("fleet", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.sqlite.JDBC",
                "jakarta.persistence.jdbc.url", url,
                "eclipselink.weaving", "false"));
    }
}
