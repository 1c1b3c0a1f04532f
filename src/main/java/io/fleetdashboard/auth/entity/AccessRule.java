package io.fleetdashboard.auth.entity;

/**
 * The minimum role for a path prefix: readRole for GET/HEAD/OPTIONS, writeRole for everything else.
 * A null role means public. api=true answers with JSON 401/403 and accepts HTTP Basic; pages redirect to sign-in.
 */
public record AccessRule(String prefix, Role readRole, Role writeRole, boolean api) {

    public static AccessRule open(String prefix) {
        return new AccessRule(prefix, null, null, false);
    }

    public static AccessRule page(String prefix, Role role) {
        return new AccessRule(prefix, role, role, false);
    }

    public static AccessRule api(String prefix, Role read, Role write) {
        return new AccessRule(prefix, read, write, true);
    }

    public boolean isPublic() {
        return readRole == null && writeRole == null;
    }

    public Role required(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> readRole;
            default -> writeRole;
        };
    }

    public boolean matches(String path) {
        return prefix.endsWith("/") ? path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))
                : path.equals(prefix) || path.startsWith(prefix + "/") || path.startsWith(prefix + "?");
    }
}
