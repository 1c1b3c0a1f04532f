package io.fleetdashboard.portainer.entity;

import java.util.Locale;

/** Docker's lowercase container State. */
public enum ContainerState {
    CREATED, RUNNING, PAUSED, RESTARTING, REMOVING, EXITED, DEAD, UNKNOWN;

    public static ContainerState parse(String state) {
        if (state == null || state.isBlank()) {
            return UNKNOWN;
        }
        try {
            return valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
