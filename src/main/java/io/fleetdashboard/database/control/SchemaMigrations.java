package io.fleetdashboard.database.control;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Brings the schema (SQLite or PostgreSQL, see {@link SqlDialect}) up to date at start-up, before anything uses JPA (it observes the application scope's
 * initialisation with the highest priority, so every other start-up observer sees the final schema).
 *
 * <h2>Convention</h2>
 * <ul>
 *   <li>Scripts live in {@code src/main/resources/db/migration/} and are named {@code V<n>__<description>.sql}
 *       ({@code n} a positive integer, unique; V1 environments/foundation, V2 auth, V3+ fleet and later).</li>
 *   <li>Every script must also be listed, one file name a line, in {@code db/migration/index.txt}: listing a
 *       classpath directory inside a (possibly packed) WAR is unreliable, so the index is the source of truth.
 *       Order in the file does not matter; scripts run by ascending version. Blank lines and {@code #} comments are
 *       allowed. A listed script that is missing fails start-up.</li>
 *   <li>Each script runs in its own transaction, together with its row in {@code schema_version}
 *       (version, description, checksum, applied_at), so a failed script leaves nothing behind and start-up fails.</li>
 *   <li>Scripts are never edited after release: a changed checksum is logged as a warning, not re-applied.</li>
 *   <li>Statements end with {@code ;}. Quotes and {@code --} comments are understood; a CREATE TRIGGER body is kept
 *       whole up to its {@code END;}.</li>
 * </ul>
 */
@ApplicationScoped
public class SchemaMigrations {

    static final String LOCATION = "db/migration/";
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(\\w[\\w.-]*)\\.sql");
    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    /** PostgreSQL advisory lock key held while migrating ("fleet" in ASCII). */
    static final long MIGRATION_LOCK = 0x666c656574L;

    @Resource(lookup = "jdbc/fleet")
    DataSource dataSource;

    @Inject
    DataDirectory dataDirectory;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                 Object event) {
        dataDirectory.ensureExists();
        migrate();
    }

    /** Applies every script not yet recorded; returns the versions applied now. */
    public List<Integer> migrate() {
        TreeMap<Integer, Script> scripts = scripts(readResource(LOCATION + "index.txt"));
        List<Integer> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            SqlDialect dialect = SqlDialect.of(connection);
            if (dialect == SqlDialect.POSTGRESQL) {
                // Several instances may start at once against one shared database: one migrates, the others wait
                // here and then find every script applied. The lock ends with the session at the latest.
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
                }
            }
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute(dialect.migration("CREATE TABLE IF NOT EXISTS schema_version (version "
                            + "INTEGER PRIMARY KEY, description TEXT NOT NULL, checksum TEXT NOT NULL, "
                            + "applied_at INTEGER NOT NULL)"));
                }
                Set<Integer> done = appliedVersions(connection, scripts);
                for (Script script : scripts.values()) {
                    if (!done.contains(script.version())) {
                        apply(connection, script, dialect);
                        applied.add(script.version());
                    }
                }
            } finally {
                if (dialect == SqlDialect.POSTGRESQL) {
                    try (Statement unlock = connection.createStatement()) {
                        unlock.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
        }
        LOG.info(() -> "Database schema at version " + (scripts.isEmpty() ? 0 : scripts.lastKey())
                + (applied.isEmpty() ? " (up to date)" : ", applied " + applied));
        return applied;
    }

    private Set<Integer> appliedVersions(Connection connection, TreeMap<Integer, Script> scripts) throws SQLException {
        Set<Integer> done = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM schema_version")) {
            while (rows.next()) {
                int version = rows.getInt(1);
                done.add(version);
                Script script = scripts.get(version);
                if (script != null && !script.checksum().equals(rows.getString(2))) {
                    LOG.warning(() -> "Migration " + script.fileName() + " changed after it was applied; not re-run");
                }
            }
        }
        return done;
    }

    private void apply(Connection connection, Script script, SqlDialect dialect) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script.sql())) {
                statement.execute(dialect.migration(sql));
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
                record.setInt(1, script.version());
                record.setString(2, script.description());
                record.setString(3, script.checksum());
                record.setLong(4, System.currentTimeMillis());
                record.executeUpdate();
            }
            connection.commit();
            LOG.info(() -> "Applied migration " + script.fileName());
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw new SQLException("Migration " + script.fileName() + " failed: " + e.getMessage(), e);
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The scripts named by an index file, keyed by version. */
    static TreeMap<Integer, Script> scripts(String index) {
        TreeMap<Integer, Script> scripts = new TreeMap<>();
        for (String line : index.split("\\R")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = SCRIPT_NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("Migration name must be V<n>__<description>.sql: " + name);
            }
            int version = Integer.parseInt(matcher.group(1));
            String sql = readResource(LOCATION + name);
            Script previous = scripts.put(version,
                    new Script(version, matcher.group(2).replace('_', ' '), name, sql, sha256(sql)));
            if (previous != null) {
                throw new IllegalStateException("Two migrations with version " + version + ": "
                        + previous.fileName() + ", " + name);
            }
        }
        return scripts;
    }

    /** Splits a script into statements at semicolons outside quotes, comments and trigger bodies. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? script.length() : end;
                continue;
            }
            if (c == '\'' || c == '"') {
                int end = script.indexOf(c, i + 1);
                end = end < 0 ? script.length() - 1 : end;
                current.append(script, i, end + 1);
                i = end + 1;
                continue;
            }
            if (c == ';' && !insideTrigger(current)) {
                addStatement(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        addStatement(statements, current);
        return statements;
    }

    private static boolean insideTrigger(CharSequence statement) {
        String normalized = statement.toString().strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        boolean trigger = normalized.startsWith("CREATE TRIGGER") || normalized.startsWith("CREATE TEMP TRIGGER")
                || normalized.startsWith("CREATE TEMPORARY TRIGGER");
        return trigger && !normalized.endsWith(" END");
    }

    private static void addStatement(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }

    private static String readResource(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = SchemaMigrations.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record Script(int version, String description, String fileName, String sql, String checksum) {
    }
}
