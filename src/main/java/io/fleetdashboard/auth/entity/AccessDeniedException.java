package io.fleetdashboard.auth.entity;

/** An action needs a role the caller lacks; the message is safe to show. */
public class AccessDeniedException extends RuntimeException {

    private final Role required;

    public AccessDeniedException(Role required) {
        super("This needs the " + required.groupName() + " role.");
        this.required = required;
    }

    /** The role is needed in that environment (the caller may hold it elsewhere). */
    public AccessDeniedException(Role required, String environment) {
        super("This needs the " + required.groupName() + " role in the environment " + environment + ".");
        this.required = required;
    }

    public Role required() {
        return required;
    }
}
