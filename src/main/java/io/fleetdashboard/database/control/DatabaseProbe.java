package io.fleetdashboard.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.sql.DataSource;

/**
 * Whether the database answers, for the public readiness probe: at most one "SELECT 1" every EVERY, by one caller
 * at a time; everyone else gets the last answer at once. So a storm of anonymous probes never takes more than one
 * pooled connection, and no probe waits behind another.
 */
@ApplicationScoped
public class DatabaseProbe {

    static final Duration EVERY = Duration.ofSeconds(5);

    @Resource(lookup = "jdbc/fleet")
    DataSource database;

    LongSupplier nanoClock = System::nanoTime;

    private final AtomicBoolean probing = new AtomicBoolean();
    private volatile boolean checked;
    private volatile long checkedAt;
    private volatile boolean up;

    /** The last answer if it is recent (or another caller is asking right now), else a fresh one. */
    public boolean answers() {
        if (fresh()) {
            return up;
        }
        if (!probing.compareAndSet(false, true)) {
            return up;
        }
        try {
            if (fresh()) {
                return up; // another caller asked between our first look and now
            }
            up = select1();
            checkedAt = nanoClock.getAsLong();
            checked = true;
            return up;
        } finally {
            probing.set(false);
        }
    }

    private boolean fresh() {
        return checked && nanoClock.getAsLong() - checkedAt < EVERY.toNanos();
    }

    private boolean select1() {
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT 1")) {
            return result.next();
        } catch (Exception e) {
            return false;
        }
    }
}
