package io.fleetdashboard.fleet.entity;

import io.fleetdashboard.portainer.entity.ErrorKind;
import java.io.Serializable;
import java.time.Instant;

/** A failure recorded in a snapshot: it never fails the snapshot, it is shown next to what it concerns. */
public record FetchError(ErrorKind kind, String message, Instant at) implements Serializable {
}
