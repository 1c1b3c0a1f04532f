package io.fleetdashboard.auth.entity;

/** How a session was signed in, as the Sessions page shows it. */
public enum SignInMethod {
    /** The sign-in form with a static user's key. */
    STATIC,
    /** Single sign-on through the OpenID Connect provider. */
    SSO,
    /** A "keep me signed in" cookie started the session. */
    REMEMBERED;

    public String label() {
        return switch (this) {
            case STATIC -> "Key";
            case SSO -> "Single sign-on";
            case REMEMBERED -> "Kept sign-in";
        };
    }
}
