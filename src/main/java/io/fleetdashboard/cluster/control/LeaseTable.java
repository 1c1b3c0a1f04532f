package io.fleetdashboard.cluster.control;

import io.fleetdashboard.cluster.entity.LeaseState;
import io.fleetdashboard.database.control.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The leases and the shared snapshot in the database (V11__cluster.sql), in statements that are atomic on SQLite and
 * PostgreSQL alike. Expiry is judged by the database's clock, so instances with skewed clocks agree. Fencing: a
 * takeover raises the token; a publish names its token and lands only while that token still holds the lease and
 * is not older than the stored snapshot's.
 */
public class LeaseTable {

    private final DataSource dataSource;

    public LeaseTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lease when free or expired, renews it when held; returns who holds it afterwards. */
    public LeaseState acquire(String lease, String instance, long leaseMillis) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            SqlDialect dialect = SqlDialect.of(c);
            String now = dialect.nowMillis();
            long before = currentToken(c, lease, instance);
            try (PreparedStatement take = c.prepareStatement("INSERT INTO cluster_lease (name, holder, token, "
                    + "acquired_at, expires_at) VALUES (?, ?, 1, " + now + ", " + now + " + ?) ON CONFLICT (name) "
                    + "DO UPDATE SET token = CASE WHEN cluster_lease.holder = excluded.holder THEN cluster_lease.token "
                    + "ELSE cluster_lease.token + 1 END, acquired_at = CASE WHEN cluster_lease.holder = "
                    + "excluded.holder THEN cluster_lease.acquired_at ELSE excluded.acquired_at END, "
                    + "holder = excluded.holder, expires_at = excluded.expires_at "
                    + "WHERE cluster_lease.holder = excluded.holder OR cluster_lease.expires_at < " + now)) {
                take.setString(1, lease);
                take.setString(2, instance);
                take.setLong(3, leaseMillis);
                take.executeUpdate();
            }
            try (PreparedStatement read = c.prepareStatement(
                    "SELECT holder, token, expires_at FROM cluster_lease WHERE name = ?")) {
                read.setString(1, lease);
                try (ResultSet r = read.executeQuery()) {
                    if (!r.next()) {
                        throw new SQLException("The lease " + lease + " vanished");
                    }
                    boolean held = instance.equals(r.getString(1));
                    long token = r.getLong(2);
                    return new LeaseState(r.getString(1), token, held, held && token != before, r.getLong(3));
                }
            }
        }
    }

    /** The token this instance held before the attempt (-1: it held none). */
    private static long currentToken(Connection c, String lease, String instance) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(
                "SELECT token FROM cluster_lease WHERE name = ? AND holder = ?")) {
            q.setString(1, lease);
            q.setString(2, instance);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : -1;
            }
        }
    }

    /** Gives the lease up (clean shutdown), so another instance need not wait for it to expire. */
    public void release(String lease, String instance) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("UPDATE cluster_lease SET expires_at = 0 WHERE name = ? "
                     + "AND holder = ?")) {
            q.setString(1, lease);
            q.setString(2, instance);
            q.executeUpdate();
        }
    }

    /** Asks the holder for a refresh (read at its next renewal). */
    public void requestRefresh(String lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("UPDATE cluster_lease SET refresh_requested_at = "
                     + SqlDialect.of(c).nowMillis() + " WHERE name = ?")) {
            q.setString(1, lease);
            q.executeUpdate();
        }
    }

    /** When another instance last asked for a refresh (0: never). */
    public long refreshRequestedAt(String lease) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT refresh_requested_at FROM cluster_lease WHERE name = ?")) {
            q.setString(1, lease);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? r.getLong(1) : 0;
            }
        }
    }

    /**
     * Stores the snapshot under the holder's token; false (nothing written) when that token no longer holds the
     * lease or an instance with a newer token has published already: the stale holder's write is fenced off.
     */
    public boolean publish(String lease, String name, String instance, long token, long takenAt, byte[] body)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("INSERT INTO cluster_snapshot (name, token, holder, taken_at, "
                     + "published_at, body) SELECT ?, ?, ?, ?, " + SqlDialect.of(c).nowMillis() + ", ? WHERE EXISTS "
                     + "(SELECT 1 FROM cluster_lease WHERE name = ? AND holder = ? AND token = ?) "
                     + "ON CONFLICT (name) DO UPDATE SET token = excluded.token, holder = excluded.holder, "
                     + "taken_at = excluded.taken_at, published_at = excluded.published_at, body = excluded.body "
                     + "WHERE excluded.token >= cluster_snapshot.token")) {
            q.setString(1, name);
            q.setLong(2, token);
            q.setString(3, instance);
            q.setLong(4, takenAt);
            q.setBytes(5, body);
            q.setString(6, lease);
            q.setString(7, instance);
            q.setLong(8, token);
            return q.executeUpdate() == 1;
        }
    }

    /** The stored snapshot's version (token and publish time), without its body. */
    public Optional<SharedVersion> version(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement(
                     "SELECT token, published_at, holder, taken_at FROM cluster_snapshot WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(new SharedVersion(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /** The stored snapshot's body, if any. */
    public Optional<byte[]> body(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("SELECT body FROM cluster_snapshot WHERE name = ?")) {
            q.setString(1, name);
            try (ResultSet r = q.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** A published snapshot's identity: a new token or publish time means a new snapshot; takenAt: the snapshot's. */
    public record SharedVersion(long token, long publishedAt, String holder, long takenAt) {
    }
}
