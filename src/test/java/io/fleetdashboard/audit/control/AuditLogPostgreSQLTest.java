package io.fleetdashboard.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.audit.entity.AuditEvent;
import io.fleetdashboard.audit.entity.AuditFilter;
import io.fleetdashboard.audit.entity.AuditResult;
import io.fleetdashboard.database.control.TestPostgres;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log through JPA on a real PostgreSQL: identity ids, 64-bit times, filters, sorting and paging. */
class AuditLogPostgreSQLTest {

    EntityManagerFactory factory;
    AuditLog log;
    final Instant start = Instant.parse("2026-12-01T10:00:00Z");

    @BeforeEach
    void open() {
        factory = TestPostgres.open();
        log = new AuditLog();
        log.em = factory.createEntityManager();
        record("ops", "container.restart", AuditResult.SUCCESS, 0);
        record("admin", "container.kill", AuditResult.FAILURE, 60);
        record("viewer", "auth.sign_in", AuditResult.DENIED, 120);
    }

    void record(String user, String action, AuditResult result, long secondsAfterStart) {
        log.clock = Clock.fixed(start.plusSeconds(secondsAfterStart), ZoneOffset.UTC);
        log.em.getTransaction().begin();
        log.record(user, "operator", action, "sim-1:3:aaa", "web", result, secondsAfterStart, "detail");
        log.em.getTransaction().commit();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void recordsAndPagesNewestFirst() {
        List<AuditEvent> events = log.page(AuditFilter.ALL, "at", false, 0, 2);
        assertEquals(List.of("auth.sign_in", "container.kill"), events.stream().map(AuditEvent::action).toList());
        assertEquals(start.plusSeconds(120), events.get(0).at());
        assertEquals(List.of("container.restart"), log.page(AuditFilter.ALL, "at", false, 2, 2).stream()
                .map(AuditEvent::action).toList());
        assertEquals(List.of("container.kill"), log.page(new AuditFilter("admin", null, AuditResult.FAILURE,
                start, start.plusSeconds(3600)), "at", true, 0, 10).stream().map(AuditEvent::action).toList());
    }
}
