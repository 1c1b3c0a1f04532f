package io.fleetdashboard.auth.entity;

/** The result of one credential check; retryAfterSeconds is set only when the caller is locked out. */
public record SignInOutcome(Status status, String username, Role role, long retryAfterSeconds) {

    public enum Status { SUCCESS, FAILED, LOCKED, NOT_CONFIGURED }

    public static SignInOutcome success(String username, Role role) {
        return new SignInOutcome(Status.SUCCESS, username, role, 0);
    }

    public static SignInOutcome failed() {
        return new SignInOutcome(Status.FAILED, null, null, 0);
    }

    public static SignInOutcome locked(long retryAfterSeconds) {
        return new SignInOutcome(Status.LOCKED, null, null, retryAfterSeconds);
    }

    public static SignInOutcome notConfigured() {
        return new SignInOutcome(Status.NOT_CONFIGURED, null, null, 0);
    }

    public boolean succeeded() {
        return status == Status.SUCCESS;
    }

    /** The one message users see: it never says whether the user or the key was wrong. */
    public String message() {
        return switch (status) {
            case SUCCESS -> "Signed in.";
            case FAILED -> "Sign-in failed: the user name or key is not valid.";
            case LOCKED -> "Too many failed sign-in attempts. Try again in " + retryAfterSeconds + " s.";
            case NOT_CONFIGURED -> NOT_CONFIGURED_MESSAGE;
        };
    }

    public static final String NOT_CONFIGURED_MESSAGE =
            "Sign-in is not configured: set DASHBOARD_USERNAME and DASHBOARD_KEY and restart the dashboard.";
}
