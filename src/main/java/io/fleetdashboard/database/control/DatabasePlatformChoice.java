package io.fleetdashboard.database.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * Picks EclipseLink's platform for the database that jdbc/fleet really is: {@link SQLitePlatform} (persistence.xml's
 * target-database, the default) or {@link PostgreSQLFleetPlatform} when server-config/postgresql.xml points the data
 * source at PostgreSQL. So the one persistence unit serves both without a configuration switch of its own.
 */
public class DatabasePlatformChoice implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabasePlatformChoice.class.getName());

    @Override
    public void customize(Session session) {
        if (!(session.getDatasourceLogin() instanceof DatabaseLogin login)
                || !(login.getConnector() instanceof JNDIConnector connector)) {
            return; // a URL given to the unit directly (unit tests): target-database says what it is
        }
        DataSource dataSource = connector.getDataSource();
        if (dataSource == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (SqlDialect.of(connection) == SqlDialect.POSTGRESQL) {
                login.setPlatform(new PostgreSQLFleetPlatform());
                LOG.info("The fleet database is PostgreSQL");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database jdbc/fleet is: " + e.getMessage(), e);
        }
    }
}
