package io.fleetdashboard.fleet.boundary;

import java.io.Serializable;

/** An endpoint offered by a filter: its key as the value, "name (environment)" as the label. */
public final class EndpointChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String label;

    EndpointChoice(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String getKey() {
        return key;
    }

    public String getLabel() {
        return label;
    }
}
