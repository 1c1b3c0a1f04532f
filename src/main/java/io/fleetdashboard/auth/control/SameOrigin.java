package io.fleetdashboard.auth.control;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request checks for state changes made with the session cookie (HTTP Basic callers are not affected:
 * a browser never adds Basic credentials to a forged request on its own once it has no cached challenge).
 * A request is refused outright when the browser says it is cross-site (Sec-Fetch-Site) or names another origin
 * (Origin). An API state change must in addition prove that it comes from our own pages: Sec-Fetch-Site
 * same-origin, a matching Origin, or the X-Requested-With header, which a cross-site form cannot set and a
 * cross-site script cannot send without a CORS preflight that this application never grants.
 * Origins are compared by host and port against the Host header (a TLS-terminating proxy must pass Host on).
 */
public final class SameOrigin {

    public static final String REQUESTED_WITH = "X-Requested-With";

    private SameOrigin() {
    }

    /** True when the browser tells us this request was made by another site. */
    public static boolean crossSite(String secFetchSite, String origin, String host) {
        if (secFetchSite != null) {
            String site = secFetchSite.trim().toLowerCase(Locale.ROOT);
            if (site.equals("cross-site") || site.equals("same-site")) {
                return true;
            }
        }
        return origin != null && !matchesHost(origin, host);
    }

    /** True when the request shows that one of our own pages sent it. */
    public static boolean proven(String secFetchSite, String origin, String host, String requestedWith) {
        if (crossSite(secFetchSite, origin, host)) {
            return false;
        }
        return "same-origin".equalsIgnoreCase(secFetchSite == null ? null : secFetchSite.trim())
                || (origin != null && matchesHost(origin, host))
                || (requestedWith != null && !requestedWith.isBlank());
    }

    static boolean matchesHost(String origin, String host) {
        if (host == null || origin.isBlank() || origin.trim().equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            String expected = host.trim().toLowerCase(Locale.ROOT);
            String name = uri.getHost().toLowerCase(Locale.ROOT);
            return expected.equals(name + ":" + port) || (expected.equals(name) && (port == 80 || port == 443));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
