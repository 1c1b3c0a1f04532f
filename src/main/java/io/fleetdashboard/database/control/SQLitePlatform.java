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

    /**
     * Paging in SQL (LIMIT / OFFSET), as the MySQL platform does: EclipseLink's default skips the first rows with a
     * scrollable cursor, which SQLite's driver refuses ("only supports TYPE_FORWARD_ONLY cursors").
     */
    @Override
    public void printSQLSelectStatement(org.eclipse.persistence.internal.databaseaccess.DatabaseCall call,
            org.eclipse.persistence.internal.expressions.ExpressionSQLPrinter printer,
            org.eclipse.persistence.internal.expressions.SQLSelectStatement statement) {
        int max = statement.getQuery() == null ? 0 : statement.getQuery().getMaxRows();
        int first = statement.getQuery() == null ? 0 : statement.getQuery().getFirstResult();
        if (max <= 0 && first <= 0) {
            super.printSQLSelectStatement(call, printer, statement);
            return;
        }
        statement.setUseUniqueFieldAliases(true);
        call.setFields(statement.printSQL(printer));
        printer.printString(" LIMIT ");
        printer.printParameter(org.eclipse.persistence.internal.databaseaccess.DatabaseCall.MAXROW_FIELD);
        printer.printString(" OFFSET ");
        printer.printParameter(org.eclipse.persistence.internal.databaseaccess.DatabaseCall.FIRSTRESULT_FIELD);
        call.setIgnoreFirstRowSetting(true);
        call.setIgnoreMaxResultsSetting(true);
    }

    /** EclipseLink's max rows count from the first row; LIMIT counts from the offset (-1: no limit). */
    @Override
    public int computeMaxRowsForSQL(int firstResultIndex, int maxResults) {
        return maxResults <= 0 ? -1 : maxResults - Math.max(0, firstResultIndex);
    }
}
