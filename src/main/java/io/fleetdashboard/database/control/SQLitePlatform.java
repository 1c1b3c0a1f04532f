package io.fleetdashboard.database.control;

import org.eclipse.persistence.platform.database.DatabasePlatform;
import org.eclipse.persistence.queries.ValueReadQuery;

/**
 * EclipseLink 4.0.9 has no SQLite platform; the generic one falls back to a SEQUENCE table for IDENTITY ids.
 * This one reads IDENTITY values with last_insert_rowid() (an INTEGER PRIMARY KEY is SQLite's rowid alias) and
 * drops FOR UPDATE, which SQLite does not know (its writes are serialised by the database lock anyway).
 * Visible to EclipseLink only because server.xml sets apiTypeVisibility="+third-party".
 */
public class SQLitePlatform extends DatabasePlatform {

    @Override
    public boolean supportsIdentity() {
        return true;
    }

    @Override
    public ValueReadQuery buildSelectQueryForIdentity() {
        return new ValueReadQuery("SELECT last_insert_rowid()");
    }

    @Override
    public String getSelectForUpdateString() {
        return "";
    }

    @Override
    public boolean supportsForeignKeyConstraints() {
        return true;
    }

    @Override
    public boolean supportsGlobalTempTables() {
        return false;
    }

    @Override
    public boolean supportsLocalTempTables() {
        return false;
    }

    @Override
    public boolean isDynamicSQLRequiredForFunctions() {
        return false;
    }
}
