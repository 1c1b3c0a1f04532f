package io.fleetdashboard.containers.entity;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's fleet-wide key, "environment:endpointId:containerId" (FleetContainer.key), taken apart. The
 * environment is a slug, the endpoint id a positive number, the container id Docker's hex id (12 to 64 digits).
 */
public record ContainerKey(String environment, int endpointId, String containerId) {

    private static final Pattern KEY = Pattern.compile("([a-z0-9][a-z0-9_.-]{0,62}):(\\d{1,9}):([0-9a-f]{12,64})");

    public static Optional<ContainerKey> parse(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ContainerKey(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }

    public String endpointKey() {
        return environment + ":" + endpointId;
    }

    public String key() {
        return endpointKey() + ":" + containerId;
    }
}
