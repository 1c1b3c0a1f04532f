package io.fleetdashboard.assistant.entity;

/** A question the assistant does not take (empty, too long, an unknown conversation); the message says why. */
public class QuestionRejectedException extends RuntimeException {

    private final boolean notFound;

    public QuestionRejectedException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** True when the conversation named does not exist for this user. */
    public boolean notFound() {
        return notFound;
    }
}
