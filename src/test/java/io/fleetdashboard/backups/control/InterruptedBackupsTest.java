package io.fleetdashboard.backups.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.audit.control.AuditLog;
import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.backups.entity.BackupStatus;
import io.fleetdashboard.backups.entity.PortainerBackup;
import io.fleetdashboard.database.control.DataDirectory;
import io.fleetdashboard.database.control.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup a crash interrupted (its row still RUNNING at start-up) is discarded on the real schema: the row is failed
 * with the reason, its partial archive (and a complete one whose row was never updated) deleted, the discard
 * audited; stray partial files beside finished rows go too; complete archives of finished backups stay.
 */
class InterruptedBackupsTest {

    @TempDir
    Path dir;

    EntityManagerFactory factory;
    EntityManager em;
    Backups backups;
    AuditLog audit;
    Path directory;

    @BeforeEach
    void open() throws Exception {
        factory = TestDatabase.open(dir);
        em = factory.createEntityManager();
        BackupStore store = new BackupStore();
        store.em = em;
        audit = new AuditLog();
        set(audit, "em", em);
        backups = new Backups();
        backups.store = store;
        backups.audit = audit;
        backups.dataDirectory = new DataDirectory() {
            @Override
            public Path path() {
                return dir.resolve("data");
            }
        };
        directory = backups.directory();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    /** Outside the container @Transactional does nothing: one transaction around each step here. */
    <T> T inTransaction(Supplier<T> work) {
        em.getTransaction().begin();
        T result = work.get();
        em.getTransaction().commit();
        return result;
    }

    long backup(String environment, boolean done) {
        return inTransaction(() -> {
            PortainerBackup b = backups.store.insert(new PortainerBackup(environment, false, false, "admin",
                    Instant.now()));
            if (done) {
                b.done("portainer-backup.tar.gz", b.getId() + "_portainer-backup.tar.gz", 3, true, Instant.now());
            }
            return b.getId();
        });
    }

    List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRunningBackupIsFailedItsFilesDeletedAndTheDiscardAudited() throws IOException {
        long halfWritten = backup("sim-1", false);
        long movedNotRecorded = backup("sim-2", false);
        long complete = backup("sim-1", true);
        Files.write(directory.resolve(halfWritten + ".part"), new byte[] {0x1f, (byte) 0x8b, 0});
        Files.write(directory.resolve(movedNotRecorded + "_portainer-backup.tar.gz"), new byte[] {1, 2, 3});
        Files.write(directory.resolve(complete + "_portainer-backup.tar.gz"), new byte[] {1, 2, 3});

        inTransaction(() -> {
            backups.discardInterrupted();
            return null;
        });

        em.clear();
        for (long id : new long[] {halfWritten, movedNotRecorded}) {
            PortainerBackup b = em.find(PortainerBackup.class, id);
            assertEquals(BackupStatus.FAILED, b.getStatus());
            assertTrue(b.getMessage().startsWith("Interrupted: the dashboard stopped"), b.getMessage());
            assertTrue(b.getFinishedAt() != null);
        }
        assertEquals(BackupStatus.DONE, em.find(PortainerBackup.class, complete).getStatus());
        assertEquals(List.of(complete + "_portainer-backup.tar.gz"), files(), "only the finished archive is left");

        List<AuditEvent> rows = audit.page(AuditFilter.ALL, null, true, 0, 10);
        assertEquals(2, rows.size());
        for (AuditEvent row : rows) {
            assertEquals("backup.create", row.action());
            assertEquals(AuditResult.FAILURE, row.result());
            assertEquals("system", row.user());
            assertTrue(row.detail().contains("Interrupted"), row.detail());
            assertTrue(row.detail().endsWith("1 file(s) deleted."), row.detail());
        }
        assertEquals(List.of("backup " + halfWritten + " sim-1", "backup " + movedNotRecorded + " sim-2"),
                rows.stream().map(r -> r.detail().substring(0, r.detail().indexOf(':')) + " " + r.target()).sorted()
                        .toList());
    }

    @Test
    void strayPartialFilesOfFinishedOrUnknownBackupsGoAndNothingIsAuditedWithoutARunningRow() throws IOException {
        long done = backup("sim-1", true);
        Files.write(directory.resolve(done + "_portainer-backup.tar.gz"), new byte[] {1});
        Files.write(directory.resolve(done + ".part"), new byte[] {1});
        Files.write(directory.resolve("999.part"), new byte[] {1});
        Files.write(directory.resolve("notes.txt"), new byte[] {1});

        inTransaction(() -> {
            backups.discardInterrupted();
            return null;
        });

        assertEquals(List.of(done + "_portainer-backup.tar.gz", "notes.txt"), files());
        assertEquals(0, audit.count(AuditFilter.ALL), "no interrupted backup, nothing to audit");
    }

    @Test
    void aFileBelongsToItsBackupByItsIdPrefixOnly() {
        assertTrue(Backups.belongsTo("12.part", 12));
        assertTrue(Backups.belongsTo("12_portainer-backup.tar.gz", 12));
        assertFalse(Backups.belongsTo("123.part", 12));
        assertFalse(Backups.belongsTo("123_portainer-backup.tar.gz", 12));
        assertFalse(Backups.belongsTo("1.part", 12));
        assertEquals(12L, Backups.idOf("12.part"));
        assertEquals(7L, Backups.idOf("7_x.tar.gz"));
        assertNull(Backups.idOf("x.part"));
        assertNull(Backups.idOf("99999999999999999999.part"));
    }

    private static void set(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
