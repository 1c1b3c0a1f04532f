package io.fleetdashboard.assistant.entity;

/** The user pressed Stop while the answer was streaming: the read ends and the connection is closed. */
public class AnswerStoppedException extends RuntimeException {

    public AnswerStoppedException() {
        super("Stopped by the user", null, false, false);
    }
}
