package io.fleetdashboard.auth.entity;

/**
 * What a path needs: {@code read} for GET/HEAD/OPTIONS, {@code write} for every other method. A rule covers either
 * exactly one path or, when {@code prefix} is true, a folder (the path itself and everything below it). api=true
 * answers with JSON 401/403 and accepts HTTP Basic; pages redirect to sign-in. {@code perEnvironment}: the path names
 * the environment it acts on (a container key), so a role held in one environment only (single sign-on's
 * environment roles) passes this rule, and the route checks that environment itself (CurrentUser.requireIn).
 */
public record AccessRule(String path, boolean prefix, Need read, Need write, boolean api, boolean perEnvironment) {

    public AccessRule(String path, boolean prefix, Need read, Need write, boolean api) {
        this(path, prefix, read, write, api, false);
    }

    /** One public page or resource that also takes form posts (sign-in). */
    public static AccessRule open(String path) {
        return new AccessRule(path, false, Need.ANYONE, Need.ANYONE, false);
    }

    /** One public path that may only be read. */
    public static AccessRule openRead(String path) {
        return new AccessRule(path, false, Need.ANYONE, Need.NOBODY, false);
    }

    /** A public folder that also takes posts (the simulated identity provider's token endpoint). */
    public static AccessRule openFolder(String folder) {
        return new AccessRule(folder, true, Need.ANYONE, Need.ANYONE, false);
    }

    /** A public folder that may only be read (Faces resources). */
    public static AccessRule openReadFolder(String folder) {
        return new AccessRule(folder, true, Need.ANYONE, Need.NOBODY, false);
    }

    public static AccessRule page(String path, Role role) {
        return new AccessRule(path, false, Need.of(role), Need.of(role), false);
    }

    /** Pages under a folder (bookmarkable paths such as /containers/{key}): the same role to read and post. */
    public static AccessRule pageFolder(String folder, Role role) {
        return new AccessRule(folder, true, Need.of(role), Need.of(role), false);
    }

    public static AccessRule api(String folder, Role read, Role write) {
        return new AccessRule(folder, true, Need.of(read), Need.of(write), true);
    }

    /**
     * A folder of the API whose routes act on one environment's containers: a role held in some environment passes
     * here, and each route requires it in the environment of its container keys.
     */
    public static AccessRule apiPerEnvironment(String folder, Role read, Role write) {
        return new AccessRule(folder, true, Need.of(read), Need.of(write), true, true);
    }

    /** A page whose actions name their containers, checked per environment by the page (as its API twin). */
    public static AccessRule pagePerEnvironment(String path, Role role) {
        return new AccessRule(path, false, Need.of(role), Need.of(role), false, true);
    }

    /**
     * The MCP server: every method needs the bearer token of an MCP client (AccessFilter checks it); no session, no
     * user key. Answers JSON 401 with a Bearer challenge otherwise.
     */
    public static AccessRule mcp(String path) {
        return new AccessRule(path, false, Need.MCP_CLIENT, Need.MCP_CLIENT, true);
    }

    public Need need(String method) {
        return isRead(method) ? read : write;
    }

    public static boolean isRead(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> true;
            default -> false;
        };
    }

    /**
     * Matches the canonical path (servlet path + path info), never a raw request URI. A segment "*" in the rule's
     * path stands for any one non-empty segment ("/api/v1/containers/*&#47;logs").
     */
    public boolean matches(String canonicalPath) {
        if (path.contains("*")) {
            return matchesSegments(canonicalPath);
        }
        if (!prefix) {
            return canonicalPath.equals(path);
        }
        return canonicalPath.equals(path) || canonicalPath.startsWith(path.endsWith("/") ? path : path + "/");
    }

    private boolean matchesSegments(String canonicalPath) {
        String[] want = path.split("/", -1);
        String[] have = canonicalPath.split("/", -1);
        if (have.length < want.length || (!prefix && have.length != want.length)) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean any = want[i].equals("*") && !have[i].isEmpty();
            if (!any && !want[i].equals(have[i])) {
                return false;
            }
        }
        return true;
    }
}
