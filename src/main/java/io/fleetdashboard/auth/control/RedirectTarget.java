package io.fleetdashboard.auth.control;

/** Where to go after sign-in: only our own absolute paths, so a crafted link cannot send users elsewhere. */
public final class RedirectTarget {

    private RedirectTarget() {
    }

    public static String safe(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000) {
            return "/";
        }
        if (next.charAt(0) != '/' || next.startsWith("//") || next.indexOf('\\') >= 0) {
            return "/";
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            // Control characters and spaces can smuggle a host past browsers' URL parsing.
            if (c < 0x21 || c == 0x7f) {
                return "/";
            }
        }
        String beforeQuery = next.split("[?#]", 2)[0];
        if (beforeQuery.contains(":") || beforeQuery.toLowerCase().contains("%2f%2f") || beforeQuery.toLowerCase().startsWith("/%2f")
                || beforeQuery.toLowerCase().contains("%5c")) {
            return "/";
        }
        if (next.startsWith(AccessPolicy.SIGN_IN_PAGE)) {
            return "/";
        }
        return next;
    }
}
