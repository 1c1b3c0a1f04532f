package io.fleetdashboard.auth.control;

import io.fleetdashboard.database.control.TestPostgres;
import jakarta.persistence.EntityManagerFactory;

/** Every case of {@link RememberMeTokensTest} on a real PostgreSQL (flags as 0/1, rotation, expiry). */
class RememberMeTokensPostgreSQLTest extends RememberMeTokensTest {

    @Override
    EntityManagerFactory database() {
        return TestPostgres.open();
    }
}
