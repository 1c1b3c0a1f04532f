package io.fleetdashboard.logs.entity;

/** Which of a container's output streams to show. */
public enum StreamChoice {
    STDOUT, STDERR, BOTH;

    public boolean stdout() {
        return this != STDERR;
    }

    public boolean stderr() {
        return this != STDOUT;
    }
}
