package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throwaway PostgreSQL server for tests: {@code initdb} + {@code pg_ctl start} of a cluster under target/ on a free
 * loopback port, started once per JVM and stopped when it exits; every caller gets a database of its own. When the
 * JVM runs as root (CI containers), the server runs as the user {@code postgres}, which PostgreSQL requires.
 * Tests skip (with the reason) only when no PostgreSQL binaries are installed; .ci/run installs Debian's package.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;

    private final int port;

    private TestPostgres(int port) {
        this.port = port;
    }

    /** A new, empty database on the shared test server (skips the test when PostgreSQL is not installed). */
    public static synchronized PGSimpleDataSource newDatabase() {
        if (server == null) {
            Optional<Path> bin = binaries();
            assumeTrue(bin.isPresent(), "No PostgreSQL binaries (initdb, pg_ctl) in /usr/lib/postgresql/*/bin or on "
                    + "the PATH: install Debian's postgresql package to run the PostgreSQL tests");
            server = start(bin.get());
        }
        String name = "fleet_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = server.dataSource("postgres").getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database: " + e.getMessage(), e);
        }
        return server.dataSource(name);
    }

    /** A new database with the real schema (every migration applied). */
    public static PGSimpleDataSource migratedDatabase() {
        PGSimpleDataSource dataSource = newDatabase();
        SchemaMigrations migrations = new SchemaMigrations();
        migrations.dataSource = dataSource;
        migrations.migrate();
        return dataSource;
    }

    /** A new database with the real schema, and the persistence unit `fleet` (RESOURCE_LOCAL) on it. */
    public static EntityManagerFactory open() {
        PGSimpleDataSource dataSource = migratedDatabase();
        return Persistence.createEntityManagerFactory("fleet", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", dataSource.getURL(),
                "jakarta.persistence.jdbc.user", "fleet",
                "eclipselink.target-database", PostgreSQLFleetPlatform.class.getName(),
                "eclipselink.weaving", "false"));
    }

    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser("fleet");
        return dataSource;
    }

    /** The newest installed PostgreSQL's bin directory (Debian keeps them per version, off the PATH). */
    public static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> version(p.getParent().getFileName().toString()))
                                .reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir));
            }
        }
        return candidates.stream()
                .filter(p -> Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl")))
                .findFirst();
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static TestPostgres start(Path bin) {
        try {
            Path dir = Files.createDirectories(Path.of("target")).toAbsolutePath()
                    .resolve("pg-test-" + ProcessHandle.current().pid());
            Path data = dir.resolve("data");
            Files.createDirectories(dir);
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres", dir.toString()), dir);
            }
            run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "fleet",
                    "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions")), dir);
            run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start")), dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
                            "immediate", "stop")), dir);
                } catch (IOException e) {
                    // the JVM is going away; the directory is under target/
                }
            }));
            return new TestPostgres(port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Path output = dir.resolve("command.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " failed; see " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }
}
