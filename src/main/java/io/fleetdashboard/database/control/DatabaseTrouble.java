package io.fleetdashboard.database.control;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * What went wrong with the dashboard's own database, read from a failure's causes, so that a user gets a sentence
 * that says what to do (wait, or free disk space) instead of "something went wrong", and the API a 503 instead of a
 * 500. Knows SQLite's result codes (sqlite-jdbc reports them as the vendor code, and in the message as
 * {@code [SQLITE_BUSY]}) and PostgreSQL's SQL states.
 */
public enum DatabaseTrouble {

    /** Another connection or process holds a lock longer than the busy timeout, or the pool has no connection. */
    BUSY("database_busy", "The dashboard's database is busy: another process or a long write holds it locked. "
            + "This request was not completed; try again in a moment."),
    /** The disk (or the database's size limit) is full. */
    FULL("database_full", "The dashboard's database cannot be written: the disk of its data directory is full. "
            + "This request was not completed; free some space there and try again."),
    /** It cannot be opened, read or written for another reason (I/O error, read-only, connection lost). */
    UNAVAILABLE("database_unavailable", "The dashboard's database is not available right now. "
            + "This request was not completed; try again in a moment.");

    // SQLite primary result codes (sqlite3.h).
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private final String error;
    private final String message;

    DatabaseTrouble(String error, String message) {
        this.error = error;
        this.message = message;
    }

    /** The API's error code, e.g. database_busy. */
    public String error() {
        return error;
    }

    /** A sentence for the user: what happened and what to do; nothing from the driver. */
    public String message() {
        return message;
    }

    /** The trouble behind a failure, if one of its causes is a database error this knows. */
    public static Optional<DatabaseTrouble> of(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause() == t ? null : t.getCause(), depth++) {
            Optional<DatabaseTrouble> known = t instanceof SQLException sql ? ofSql(sql) : ofText(t.getMessage());
            if (known.isPresent()) {
                return known;
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseTrouble> ofSql(SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.length() == 5) {
            // PostgreSQL: class 53 insufficient resources (53100 disk full), 55P03 lock not available,
            // 57014 statement or lock timeout, class 08 connection exception, 57P0x server shutting down.
            if (state.equals("53100")) {
                return Optional.of(FULL);
            }
            if (state.equals("55P03") || state.equals("57014") || state.startsWith("53")) {
                return Optional.of(BUSY);
            }
            if (state.startsWith("08") || state.startsWith("57P")) {
                return Optional.of(UNAVAILABLE);
            }
        }
        if (e instanceof SQLTransientConnectionException) {
            return Optional.of(BUSY); // e.g. the pool had no free connection within its wait time
        }
        Optional<DatabaseTrouble> byText = ofText(e.getMessage());
        if (byText.isPresent()) {
            return byText;
        }
        return switch (e.getErrorCode() & 0xff) {
            case SQLITE_BUSY, SQLITE_LOCKED -> Optional.of(BUSY);
            case SQLITE_FULL -> Optional.of(FULL);
            case SQLITE_READONLY, SQLITE_IOERR, SQLITE_CANTOPEN -> Optional.of(UNAVAILABLE);
            default -> Optional.empty();
        };
    }

    /** sqlite-jdbc's messages start with the result code's name; wrappers (JPA, JTA) often keep only the text. */
    private static Optional<DatabaseTrouble> ofText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.toUpperCase(Locale.ROOT);
        if (t.contains("SQLITE_FULL") || t.contains("DATABASE OR DISK IS FULL")) {
            return Optional.of(FULL);
        }
        if (t.contains("SQLITE_BUSY") || t.contains("SQLITE_LOCKED") || t.contains("DATABASE IS LOCKED")) {
            return Optional.of(BUSY);
        }
        if (t.contains("SQLITE_IOERR") || t.contains("SQLITE_READONLY") || t.contains("SQLITE_CANTOPEN")) {
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }
}
