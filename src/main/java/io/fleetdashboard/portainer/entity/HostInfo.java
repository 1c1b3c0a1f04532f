package io.fleetdashboard.portainer.entity;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an endpoint's Docker host is, from Docker's GET /info (or the Info of Portainer's stored snapshot for an
 * async edge agent). Any field may be null when the host did not say. Hosts rarely change, so the collector reads
 * it again only when it is older than a maximum age (see docs/portainer.md, "Host facts").
 *
 * @param readAt when it was true: our read, or the time of Portainer's stored snapshot
 */
public record HostInfo(String operatingSystem, String osType, String architecture, String kernelVersion,
                       String dockerVersion, Integer cpus, Long memoryBytes, Instant readAt) implements Serializable {

    /** "linux/x86_64", or whichever half is known, or null. */
    public String platform() {
        if (osType == null && architecture == null) {
            return null;
        }
        if (osType == null || architecture == null) {
            return osType == null ? architecture : osType;
        }
        return osType + "/" + architecture;
    }
}
