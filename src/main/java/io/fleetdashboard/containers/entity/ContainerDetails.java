package io.fleetdashboard.containers.entity;

import io.fleetdashboard.portainer.entity.Container;
import io.fleetdashboard.portainer.entity.ContainerInspection;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Everything the details page and GET /api/v1/containers/{key} show about one container.
 *
 * @param source      LIVE: read from Docker just now (readAt); SNAPSHOT: Docker could not be asked (unavailable
 *                    says why), so only the last-known summary from the fleet snapshot is shown
 * @param summary     the container as the fleet snapshot lists it (null when the snapshot does not know it yet)
 * @param inspection  Docker's inspect, with the raw environment removed (null when not LIVE)
 * @param variables   the environment variables, secret-looking values masked
 * @param usage       live CPU and memory (null when stopped or not read; usageUnavailable says why)
 */
public record ContainerDetails(String key, String environment, String endpointKey, String endpointName,
                               String containerId, Source source, Instant readAt, String unavailable,
                               Container summary, ContainerInspection inspection, List<EnvVar> variables,
                               List<PostureFinding> posture, LiveUsage usage, String usageUnavailable)
        implements Serializable {

    public enum Source { LIVE, SNAPSHOT }

    public ContainerDetails {
        variables = variables == null ? List.of() : List.copyOf(variables);
        posture = posture == null ? List.of() : List.copyOf(posture);
    }

    public boolean live() {
        return source == Source.LIVE;
    }

    /** The name to show: Docker's, else the snapshot's, else the short id. */
    public String name() {
        if (inspection != null && inspection.name() != null && !inspection.name().isBlank()) {
            return inspection.name();
        }
        if (summary != null) {
            return summary.name();
        }
        return containerId.substring(0, Math.min(12, containerId.length()));
    }
}
