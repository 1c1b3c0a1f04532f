package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerState;

/**
 * What is wrong with a container beyond its health check, from the list and (where read) Docker's inspect:
 * restarting again and again, exited with an error, or killed for running out of memory. One container has at most
 * one; an exit with code 137 counts as an error until inspect says it was an OOM kill.
 */
public enum ContainerTrouble {
    CRASH_LOOP(Attention.Kind.CRASH_LOOP),
    EXITED_WITH_ERROR(Attention.Kind.EXITED_NON_ZERO),
    OOM_KILLED(Attention.Kind.OOM_KILLED);

    private final Attention.Kind kind;

    ContainerTrouble(Attention.Kind kind) {
        this.kind = kind;
    }

    /** The attention kind that lists it. */
    public Attention.Kind kind() {
        return kind;
    }

    /**
     * Its trouble, or null when it has none; {@code facts} may be null (not inspected). A dead container (Docker
     * could not stop or remove it) is in trouble unless inspect says it exited cleanly; the list does not show its
     * exit code.
     */
    public static ContainerTrouble of(Container c, InspectionFacts facts) {
        if (c.state() == ContainerState.RESTARTING) {
            return CRASH_LOOP;
        }
        if (c.state() != ContainerState.EXITED && c.state() != ContainerState.DEAD) {
            return null;
        }
        if (facts != null && facts.oomKilled()) {
            return OOM_KILLED;
        }
        Integer exitCode = exitCode(c, facts);
        if (exitCode == null ? c.state() == ContainerState.DEAD : exitCode != 0) {
            return EXITED_WITH_ERROR;
        }
        return null;
    }

    /** The exit code from the list ("Exited (137) ..."), else from inspect, else null. */
    public static Integer exitCode(Container c, InspectionFacts facts) {
        return c.exitCode() != null ? c.exitCode() : facts != null ? Integer.valueOf(facts.exitCode()) : null;
    }
}
