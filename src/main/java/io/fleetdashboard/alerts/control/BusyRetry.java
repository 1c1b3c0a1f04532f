package io.fleetdashboard.alerts.control;

import java.util.function.Supplier;

/**
 * Runs a short transaction again when SQLite refused it because another connection wrote meanwhile
 * (SQLITE_BUSY / SQLITE_BUSY_SNAPSHOT in WAL mode): at most three tries, then the failure stands.
 */
final class BusyRetry {

    static final int TRIES = 3;

    private BusyRetry() {
    }

    static <T> T run(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= TRIES || !busy(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean busy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("SQLITE_BUSY")) {
                return true;
            }
        }
        return false;
    }
}
