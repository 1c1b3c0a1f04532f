package io.fleetdashboard.logs.entity;

/**
 * Where a log line came from. Docker's multiplexed framing numbers them: 0 stdin (written as stdout), 1 stdout,
 * 2 stderr, 3 an error of the daemon itself that ends the stream (newer daemons). A TTY container has only stdout.
 */
public enum LogChannel {
    STDOUT, STDERR, SYSTEM;

    /** The marker put before the line in plain text: none for stdout. */
    public String marker() {
        return switch (this) {
            case STDOUT -> "";
            case STDERR -> "[stderr] ";
            case SYSTEM -> "[docker] ";
        };
    }
}
