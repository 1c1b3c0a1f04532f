package io.fleetdashboard.environments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.database.control.TestPostgres;
import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentSettings;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Environments through JPA on a real PostgreSQL: flags (0/1 integers on both databases), secrets, updates, deletes. */
class EnvironmentStorePostgreSQLTest {

    EntityManagerFactory factory;
    final EnvironmentStore store = new EnvironmentStore();
    final List<String> changes = new ArrayList<>();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() {
        factory = TestPostgres.open();
        store.em = factory.createEntityManager();
        store.cipher = new SecretCipher(new byte[32]);
        store.changed = (Event<EnvironmentsChanged>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Event.class}, (proxy, method, args) -> {
                    if (method.getName().equals("fire")) {
                        changes.add(((EnvironmentsChanged) args[0]).name());
                    }
                    return null;
                });
    }

    @AfterEach
    void close() {
        factory.close();
    }

    @Test
    void savesUpdatesDisablesAndDeletes() {
        inTransaction(() -> store.save(new EnvironmentSettings("pg-env", "PG env", "https://portainer.example:9443",
                "ptr_secret", false, 30, null, 0, 0), EnvironmentSource.UI));
        store.em.clear();
        Environment saved = store.find("pg-env").orElseThrow();
        assertFalse(saved.isVerifySsl());
        assertTrue(saved.isEnabled());
        assertEquals("ptr_secret", store.cipher.decrypt(saved.getApiKeyCiphertext()));

        inTransaction(() -> store.setEnabled("pg-env", false));
        inTransaction(() -> store.save(new EnvironmentSettings("pg-env", "Renamed", "https://portainer.example:9443",
                null, true, 45, null, 5, 4), EnvironmentSource.UI));
        store.em.clear();
        Environment updated = store.find("pg-env").orElseThrow();
        assertEquals("Renamed", updated.getDisplayName());
        assertFalse(updated.isEnabled());
        assertTrue(updated.isVerifySsl());
        assertEquals("ptr_secret", store.cipher.decrypt(updated.getApiKeyCiphertext()), "a blank key keeps the old");
        assertEquals(1, store.em.createQuery("SELECT COUNT(e) FROM Environment e WHERE e.enabled = false",
                Long.class).getSingleResult(), "a boolean literal in JPQL compares with the 0/1 column");

        assertTrue(inTransaction(() -> store.delete("pg-env")));
        assertTrue(store.findAll().isEmpty());
        assertEquals(List.of("pg-env", "pg-env", "pg-env", "pg-env"), changes);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        store.em.getTransaction().begin();
        T result = work.get();
        store.em.getTransaction().commit();
        return result;
    }
}
