package io.fleetdashboard.ui;

import io.fleetdashboard.auth.entity.AccessDeniedException;
import io.fleetdashboard.database.control.DatabaseTrouble;
import io.fleetdashboard.portainer.entity.PortainerException;
import java.sql.SQLException;

/** Turns an exception into a sentence a user can act on; never a class name or stack trace. */
public final class UserMessages {

    private UserMessages() {
    }

    public static String of(Throwable failure, String reference) {
        java.util.Optional<DatabaseTrouble> database = DatabaseTrouble.of(failure);
        if (database.isPresent()) {
            return database.get().message();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return denied.getMessage();
            }
            if (t instanceof PortainerException portainer) {
                return "Portainer could not answer: " + portainer.getMessage();
            }
            if (t instanceof SQLException || t.getClass().getName().startsWith("jakarta.persistence.")) {
                return "The dashboard's database is not available right now. Please try again in a moment.";
            }
        }
        return "Something went wrong. Please try again; if it keeps happening, report reference " + reference + ".";
    }
}
