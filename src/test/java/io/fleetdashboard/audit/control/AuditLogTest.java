package io.fleetdashboard.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.database.control.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on the real schema: rows written, filtered by user, action, result and time, sorted and paged. */
class AuditLogTest {

    @TempDir
    Path dir;

    EntityManagerFactory factory;
    AuditLog log;
    Instant start = Instant.parse("2026-12-01T10:00:00Z");

    /** The real schema on SQLite; the PostgreSQL variant of this test runs the same cases there. */
    EntityManagerFactory database() {
        return TestDatabase.open(dir);
    }

    @BeforeEach
    void open() {
        factory = database();
        log = new AuditLog();
        log.em = factory.createEntityManager();
        record("ops", "container.restart", "sim-1:3:aaa", AuditResult.SUCCESS, 0);
        record("ops", "container.stop", "sim-1:3:bbb", AuditResult.NO_CHANGE, 60);
        record("admin", "container.kill", "sim-1:4:ccc", AuditResult.FAILURE, 120);
        record("admin", "auth.sign_in", null, AuditResult.SUCCESS, 180);
        record("viewer", "auth.sign_in", null, AuditResult.DENIED, 240);
    }

    /** Outside the container @Transactional does nothing: one transaction per row here. */
    void record(String user, String action, String target, AuditResult result, long secondsAfterStart) {
        log.clock = Clock.fixed(start.plusSeconds(secondsAfterStart), ZoneOffset.UTC);
        log.em.getTransaction().begin();
        log.record(user, "operator", action, target, target == null ? null : "name-" + target, result,
                secondsAfterStart, "line one\nline two");
        log.em.getTransaction().commit();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    List<String> actions(AuditFilter filter) {
        return log.page(filter, "at", false, 0, 100).stream().map(AuditEvent::action).toList();
    }

    @Test
    void newestFirstWithEverythingRecorded() {
        List<AuditEvent> all = log.page(AuditFilter.ALL, null, false, 0, 100);
        assertEquals(5, all.size());
        assertEquals("auth.sign_in", all.get(0).action());
        AuditEvent restart = all.get(4);
        assertEquals(start, restart.at());
        assertEquals("ops", restart.user());
        assertEquals("sim-1:3:aaa", restart.target());
        assertEquals("name-sim-1:3:aaa", restart.targetName());
        assertEquals(AuditResult.SUCCESS, restart.result());
        assertEquals("line one line two", restart.detail(), "one line per row");
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of("container.stop", "container.restart"), actions(new AuditFilter("ops", null, null, null,
                null)));
        assertEquals(List.of("container.kill", "container.stop", "container.restart"),
                actions(new AuditFilter(null, "container.*", null, null, null)));
        assertEquals(List.of("auth.sign_in", "auth.sign_in"), actions(new AuditFilter(null, "auth.sign_in", null,
                null, null)));
        assertEquals(List.of("auth.sign_in"), actions(new AuditFilter(null, null, AuditResult.DENIED, null, null)));
        assertEquals(List.of("container.kill", "container.stop"), actions(new AuditFilter(null, null, null,
                start.plusSeconds(60), start.plusSeconds(180))), "from inclusive, to exclusive");
        assertEquals(List.of(), actions(new AuditFilter("nobody", null, null, null, null)));
        assertEquals(3, log.count(new AuditFilter(null, "container.*", null, null, null)));
    }

    @Test
    void aLikePatternInTheFilterIsText() {
        assertEquals(List.of(), actions(new AuditFilter(null, "%.*", null, null, null)));
        assertEquals(List.of(), actions(new AuditFilter(null, "auth_sign.*", null, null, null)));
    }

    @Test
    void sortedAndPaged() {
        List<AuditEvent> byDuration = log.page(AuditFilter.ALL, "duration", true, 1, 2);
        assertEquals(List.of(60L, 120L), byDuration.stream().map(AuditEvent::durationMillis).toList());
        assertEquals(List.of("admin", "ops", "viewer"), log.users());
        assertTrue(log.actions().contains("container.kill"));
    }

    @Test
    void retentionDeletesOlderRowsAndAuditsThePurge() {
        AuditRetention retention = new AuditRetention();
        retention.log = log;
        retention.retentionDays = 30;
        retention.clock = Clock.fixed(start.plus(java.time.Duration.ofDays(30)).plusSeconds(100), ZoneOffset.UTC);
        log.em.getTransaction().begin();
        int deleted = retention.purge();
        log.em.getTransaction().commit();

        assertEquals(2, deleted, "the rows written in the first 100 s are older than 30 days");
        List<AuditEvent> left = log.page(AuditFilter.ALL, null, false, 0, 100);
        assertEquals(List.of("audit.purge", "auth.sign_in", "auth.sign_in", "container.kill"),
                left.stream().map(AuditEvent::action).toList());
        assertTrue(left.get(0).detail().startsWith("2 rows older than"), left.get(0).detail());

        retention.retentionDays = 0;
        assertEquals(0, retention.purge(), "0 keeps every row");
    }
}
