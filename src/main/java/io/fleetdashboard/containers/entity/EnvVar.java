package io.fleetdashboard.containers.entity;

import java.io.Serializable;

/**
 * One environment variable as shown: {@code value} is {@link #MASK} (or the value with its password masked, for a
 * URL) when it looked secret. The raw value of a masked variable never leaves the server.
 */
public record EnvVar(String name, String value, boolean masked) implements Serializable {

    public static final String MASK = "********";
}
