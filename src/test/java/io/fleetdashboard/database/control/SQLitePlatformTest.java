package io.fleetdashboard.database.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.environments.entity.Environment;
import io.fleetdashboard.environments.entity.EnvironmentSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real persistence unit `fleet` on EclipseLink 4.0.9, outside Liberty: IDENTITY ids through SQLitePlatform. */
class SQLitePlatformTest {

    @TempDir
    Path dir;

    private EntityManagerFactory factory;

    @BeforeEach
    void migrateAndOpen() {
        factory = TestDatabase.open(dir);
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private static Environment environment(String name) {
        Environment environment = new Environment();
        environment.setName(name);
        environment.setDisplayName(name.toUpperCase());
        environment.setApiUrl("https://" + name + ".example.com/api");
        environment.setApiKeyCiphertext("v1:AAAA");
        environment.setSource(EnvironmentSource.UI);
        environment.setVerifySsl(false);
        environment.touch(Instant.ofEpochMilli(1_700_000_000_123L));
        return environment;
    }

    @Test
    void identityIdsComeFromTheRowid() {
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        Environment first = environment("prod");
        Environment second = environment("staging");
        em.persist(first);
        em.persist(second);
        em.getTransaction().commit();
        assertNotNull(first.getId());
        assertNotNull(second.getId());
        assertFalse(first.getId().equals(second.getId()));
        em.close();

        EntityManager reader = factory.createEntityManager();
        reader.getEntityManagerFactory().getCache().evictAll();
        Environment read = reader.createNamedQuery("Environment.findByName", Environment.class)
                .setParameter("name", "staging").getSingleResult();
        assertEquals("STAGING", read.getDisplayName());
        assertFalse(read.isVerifySsl());
        assertTrue(read.isEnabled());
        assertEquals(EnvironmentSource.UI, read.getSource());
        assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), read.getCreatedAt());
        assertEquals(2, reader.createNamedQuery("Environment.findAll", Environment.class).getResultList().size());
        // Each entity got the rowid of its own row (EclipseLink may insert the two in either order).
        assertEquals("prod", reader.find(Environment.class, first.getId()).getName());
        assertEquals("staging", reader.find(Environment.class, second.getId()).getName());
        reader.close();
    }

    @Test
    void updatesAndDeletesWork() {
        EntityManager em = factory.createEntityManager();
        em.getTransaction().begin();
        Environment environment = environment("prod");
        em.persist(environment);
        em.getTransaction().commit();
        em.getTransaction().begin();
        environment.setEnabled(false);
        em.getTransaction().commit();
        em.getTransaction().begin();
        em.remove(em.find(Environment.class, environment.getId()));
        em.getTransaction().commit();
        assertTrue(em.createNamedQuery("Environment.findAll", Environment.class).getResultList().isEmpty());
        em.close();
    }
}
