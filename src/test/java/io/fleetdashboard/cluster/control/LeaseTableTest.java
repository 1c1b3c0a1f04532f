package io.fleetdashboard.cluster.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.cluster.entity.LeaseState;
import io.fleetdashboard.database.control.TestDatabase;
import io.fleetdashboard.database.control.TestPostgres;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The collector lease and the fenced snapshot publish, on SQLite and on a real PostgreSQL. */
class LeaseTableTest {

    @TempDir
    static Path dir;

    static Stream<String> databases() {
        return Stream.of("sqlite", "postgresql");
    }

    static DataSource database(String kind) {
        return kind.equals("sqlite") ? TestDatabase.migratedSqlite(dir.resolve("lease-" + System.nanoTime()))
                : TestPostgres.migratedDatabase();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneHolderRenewsAndAnotherTakesOverOnlyAfterExpiryWithAHigherToken(String kind) throws Exception {
        LeaseTable table = new LeaseTable(database(kind));
        LeaseState a = table.acquire("collector", "a", 60_000);
        assertTrue(a.held());
        assertTrue(a.takeover(), "the first holder takes it");
        assertEquals(1, a.token());
        LeaseState b = table.acquire("collector", "b", 60_000);
        assertFalse(b.held(), "held by a and not expired");
        assertEquals("a", b.holder());
        LeaseState renewed = table.acquire("collector", "a", 300);
        assertTrue(renewed.held());
        assertFalse(renewed.takeover());
        assertEquals(1, renewed.token(), "a renewal keeps the token");

        LeaseState taken = awaitTakeover(table, "b");
        assertEquals(2, taken.token(), "a takeover raises the token");
        assertFalse(table.acquire("collector", "a", 60_000).held(), "the old holder does not get it back");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aStaleHoldersPublishIsRefused(String kind) throws Exception {
        LeaseTable table = new LeaseTable(database(kind));
        long oldToken = table.acquire("collector", "a", 200).token();
        assertTrue(table.publish("collector", "fleet", "a", oldToken, 1, new byte[] {1}));
        LeaseState b = awaitTakeover(table, "b");
        assertFalse(table.publish("collector", "fleet", "a", oldToken, 2, new byte[] {2}),
                "a paused holder waking up after the takeover writes nothing");
        assertTrue(table.publish("collector", "fleet", "b", b.token(), 3, new byte[] {3}));
        assertArrayEquals(new byte[] {3}, table.body("fleet").orElseThrow());
        assertEquals(b.token(), table.version("fleet").orElseThrow().token());
        assertEquals("b", table.version("fleet").orElseThrow().holder());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void competingInstancesNeverBothHoldIt(String kind) throws Exception {
        LeaseTable table = new LeaseTable(database(kind));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<LeaseState>> attempts = new ArrayList<>();
            for (String instance : List.of("a", "b", "c", "d")) {
                attempts.add(() -> acquireRetryingBusy(table, instance));
            }
            long holders = 0;
            for (Future<LeaseState> attempt : pool.invokeAll(attempts)) {
                holders += attempt.get().held() ? 1 : 0;
            }
            assertEquals(1, holders);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void refreshRequestsAndReleaseReachTheTable(String kind) throws Exception {
        LeaseTable table = new LeaseTable(database(kind));
        table.acquire("collector", "a", 60_000);
        assertEquals(0, table.refreshRequestedAt("collector"));
        table.requestRefresh("collector");
        assertTrue(table.refreshRequestedAt("collector") > 1_700_000_000_000L, "the database's clock, in ms");
        table.release("collector", "a");
        assertTrue(table.acquire("collector", "b", 60_000).held(), "a released lease is free at once");
    }

    /** SQLite answers SQLITE_BUSY to a writer racing another without a busy timeout: try again, as the pool would. */
    private static LeaseState acquireRetryingBusy(LeaseTable table, String instance) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try {
                return table.acquire("collector", instance, 60_000);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline || !String.valueOf(e.getMessage()).contains("BUSY")) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private static LeaseState awaitTakeover(LeaseTable table, String instance) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        LeaseState state;
        do {
            state = table.acquire("collector", instance, 60_000);
        } while (!state.held() && System.nanoTime() < deadline);
        assertTrue(state.held(), instance + " takes the lease once it expired");
        assertTrue(state.takeover());
        return state;
    }
}
