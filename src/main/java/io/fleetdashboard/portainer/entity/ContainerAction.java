package io.fleetdashboard.portainer.entity;

import java.util.Locale;
import java.util.Optional;

/** What an operator can do to a container through Docker (POST containers/{id}/{action}). */
public enum ContainerAction {
    START, STOP, RESTART, KILL;

    /** Docker's path segment: start, stop, restart, kill. */
    public String dockerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** By Docker's name, case-insensitive; empty for anything else. */
    public static Optional<ContainerAction> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ContainerAction action : values()) {
            if (action.dockerName().equalsIgnoreCase(name.strip())) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
