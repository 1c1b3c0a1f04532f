package io.fleetdashboard.database.control;

import java.io.IOException;
import java.io.Writer;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;

/**
 * EclipseLink's PostgreSQL platform on the fleet schema, whose flags are integers 0/1 (the same migrations run on
 * SQLite, which has no boolean type): Java booleans are bound and printed as 1/0, never as PostgreSQL booleans
 * (a boolean is not assignable to a BIGINT column). Chosen by {@link DatabasePlatformChoice}.
 */
public class PostgreSQLFleetPlatform extends PostgreSQLPlatform {

    @Override
    public void setParameterValueInDatabaseCall(Object parameter, PreparedStatement statement, int index,
                                                AbstractSession session) throws SQLException {
        super.setParameterValueInDatabaseCall(flag(parameter), statement, index, session);
    }

    @Override
    public void setParameterValueInDatabaseCall(Object parameter, CallableStatement statement, String name,
                                                AbstractSession session) throws SQLException {
        super.setParameterValueInDatabaseCall(flag(parameter), statement, name, session);
    }

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "1" : "0");
    }

    private static Object flag(Object parameter) {
        return parameter instanceof Boolean b ? (b ? 1 : 0) : parameter;
    }
}
