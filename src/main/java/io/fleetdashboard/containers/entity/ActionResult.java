package io.fleetdashboard.containers.entity;

import io.fleetdashboard.portainer.entity.ContainerState;
import java.io.Serializable;

/**
 * How one container action ended.
 *
 * @param outcome DONE (Docker did it), NOTHING_TO_DO (already started / stopped), REFUSED (Docker: not possible in
 *                this state), NOT_FOUND (no such container), FAILED (Portainer or Docker could not be reached in time)
 * @param state   the container's state afterwards as Docker reports it (null when it could not be read)
 */
public record ActionResult(String key, String name, String action, Outcome outcome, String message,
                           ContainerState state, long durationMillis) implements Serializable {

    public enum Outcome { DONE, NOTHING_TO_DO, REFUSED, NOT_FOUND, FAILED }

    public boolean succeeded() {
        return outcome == Outcome.DONE || outcome == Outcome.NOTHING_TO_DO;
    }
}
