package io.fleetdashboard.simulator.entity;

import java.util.List;

/**
 * What a sink received, oldest first (at most its last 500), and where it listens: the webhook sink's base URL
 * (any path below it records; a path with "/fail" answers 500), or the SMTP sink's host, port and the one password
 * it accepts for AUTH.
 */
public record SinkReport<T>(String url, String host, int port, String password, List<T> received) {

    public SinkReport {
        received = List.copyOf(received);
    }
}
