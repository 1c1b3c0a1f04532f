package io.fleetdashboard.backups.control;

import io.fleetdashboard.backups.entity.AdminSetting;
import io.fleetdashboard.backups.entity.PortainerBackup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The backup rows and administration settings in SQLite; each call its own transaction. */
@ApplicationScoped
@Transactional
public class BackupStore {

    @PersistenceContext(unitName = "fleet")
    EntityManager em;

    public PortainerBackup insert(PortainerBackup backup) {
        em.persist(backup);
        em.flush();
        return backup;
    }

    public Optional<PortainerBackup> find(long id) {
        return Optional.ofNullable(em.find(PortainerBackup.class, id));
    }

    public List<PortainerBackup> all(int limit) {
        return em.createNamedQuery("PortainerBackup.findAll", PortainerBackup.class).setMaxResults(limit)
                .getResultList();
    }

    /** The complete backups of an environment, newest first. */
    public List<PortainerBackup> done(String environment) {
        return em.createNamedQuery("PortainerBackup.findDone", PortainerBackup.class)
                .setParameter("environment", environment).getResultList();
    }

    /** The newest backup of an environment, whatever its status. */
    public Optional<PortainerBackup> last(String environment) {
        return em.createNamedQuery("PortainerBackup.lastOf", PortainerBackup.class)
                .setParameter("environment", environment).setMaxResults(1).getResultStream().findFirst();
    }

    public List<PortainerBackup> running() {
        return em.createNamedQuery("PortainerBackup.findRunning", PortainerBackup.class).getResultList();
    }

    /** Changes a stored row; false when it is gone. */
    public boolean change(long id, Consumer<PortainerBackup> change) {
        PortainerBackup backup = em.find(PortainerBackup.class, id);
        if (backup == null) {
            return false;
        }
        change.accept(backup);
        return true;
    }

    public boolean delete(long id) {
        PortainerBackup backup = em.find(PortainerBackup.class, id);
        if (backup == null) {
            return false;
        }
        em.remove(backup);
        return true;
    }

    public Optional<String> setting(String name) {
        return Optional.ofNullable(em.find(AdminSetting.class, name)).map(AdminSetting::getValue);
    }

    public void setSetting(String name, String value) {
        AdminSetting setting = em.find(AdminSetting.class, name);
        long now = Instant.now().toEpochMilli();
        if (setting == null) {
            em.persist(new AdminSetting(name, value, now));
        } else {
            setting.setValue(value, now);
        }
    }
}
