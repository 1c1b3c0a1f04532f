package io.fleetdashboard.fleet.control;

/** No snapshot exists yet (first start, first refresh still running): the API answers 503 with Retry-After. */
public class NoSnapshotYetException extends RuntimeException {

    public NoSnapshotYetException() {
        super("The first collection of the fleet is still running; try again in a few seconds.");
    }
}
