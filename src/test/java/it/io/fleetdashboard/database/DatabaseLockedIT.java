package it.io.fleetdashboard.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.fleetdashboard.Api;
import it.io.fleetdashboard.TestServer;
import it.io.fleetdashboard.environments.AdminApi;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's SQLite file locked by another process for longer than the server's busy timeout (5 s): a write
 * gets a 503 that says the database is busy (not a 500, no driver text), reads keep working (WAL), and once the
 * lock is gone the same write succeeds and the file is intact.
 */
class DatabaseLockedIT {

    private static final String DATABASE = TestServer.SERVER_DIR.resolve("data/fleet.db").toAbsolutePath().toString();

    @Test
    void aWriteWhileAnotherProcessHoldsTheLockIsRefusedClearlyAndSucceedsAfterwards() throws Exception {
        int keepBefore = Api.object("/api/v1/backups/settings").getInt("keep");
        int wanted = keepBefore + 1;
        try {
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + DATABASE);
                 Statement lock = other.createStatement()) {
                lock.execute("PRAGMA busy_timeout = 30000");
                lock.execute("BEGIN EXCLUSIVE"); // in WAL mode: no other writer, readers go on
                try {
                    HttpResponse<String> refused = AdminApi.put("/api/v1/backups/settings",
                            "{\"keep\":" + wanted + "}");
                    assertEquals(503, refused.statusCode(), refused.body());
                    assertEquals("database_busy", Api.json(refused.body()).asJsonObject().getString("error"));
                    assertTrue(refused.body().contains("busy"), refused.body());
                    assertFalse(refused.body().contains("SQLITE"), refused.body());
                    assertFalse(refused.body().contains("Exception"), refused.body());
                    assertTrue(refused.headers().firstValue("Retry-After").isPresent());

                    // reads do not wait for the lock
                    assertEquals(200, Api.get("/api/v1/dashboard/summary").statusCode());
                    assertEquals(keepBefore, Api.object("/api/v1/backups/settings").getInt("keep"));
                } finally {
                    lock.execute("ROLLBACK");
                }
            }

            HttpResponse<String> saved = AdminApi.put("/api/v1/backups/settings", "{\"keep\":" + wanted + "}");
            assertEquals(200, saved.statusCode(), saved.body());
            assertEquals(wanted, Api.object("/api/v1/backups/settings").getInt("keep"));
            assertEquals("ok", integrityCheck());
        } finally {
            AdminApi.put("/api/v1/backups/settings", "{\"keep\":" + keepBefore + "}");
        }
    }

    private static String integrityCheck() throws Exception {
        try (Connection check = DriverManager.getConnection("jdbc:sqlite:" + DATABASE);
             Statement statement = check.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
