package io.fleetdashboard.audit.control;

import io.fleetdashboard.database.control.TestPostgres;
import jakarta.persistence.EntityManagerFactory;

/** Every case of {@link AuditLogTest} on a real PostgreSQL (identity ids, 64-bit times, filters, paging). */
class AuditLogPostgreSQLTest extends AuditLogTest {

    @Override
    EntityManagerFactory database() {
        return TestPostgres.open();
    }
}
