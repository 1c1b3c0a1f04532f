package io.fleetdashboard.api.boundary;

/** A malformed query parameter or body; the message names the field and what is allowed. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
