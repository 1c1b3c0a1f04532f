package io.fleetdashboard.logs.control;

import java.io.IOException;

/** The body is not in Docker's multiplexed framing although the container has no TTY; says where it broke. */
public class MalformedLogStreamException extends IOException {

    public MalformedLogStreamException(String message) {
        super(message);
    }
}
