package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The response headers that depend on the request. The same on every response (nosniff, Referrer-Policy,
 * X-Frame-Options) are set by Liberty's httpEndpoint (server.xml), so Liberty's own /health, /metrics and /openapi
 * carry them too. Faces pages get their Content-Security-Policy from PrimeFaces, with a fresh script nonce per
 * response (web.xml, primefaces.CSP_POLICY). Here: HSTS when the client reached us over HTTPS (directly or through a
 * proxy that remoteIp trusts), and a policy that allows nothing on the JSON routes, which are never documents.
 * Liberty marks its session cookie Secure only by configuration (DASHBOARD_SECURE_COOKIES): the first HTTPS request
 * without it logs a warning. Declared in web.xml and mapped before AccessFilter there (after the request timing), so
 * even a request that AccessFilter refuses carries them.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SecurityHeadersFilter.class.getName());
    public static final String HSTS = "max-age=31536000";
    public static final String JSON_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Inject
    AccessPolicy policy;

    @Inject
    @ConfigProperty(name = "dashboard.secure.cookies", defaultValue = "false")
    boolean secureCookies;

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (Sessions.secure(request)) {
            response.setHeader("Strict-Transport-Security", HSTS);
            if (!secureCookies && warned.compareAndSet(false, true)) {
                LOG.warning("Clients reach the dashboard over HTTPS, but the session cookie is not marked Secure: set "
                        + "DASHBOARD_SECURE_COOKIES=true (the remember-me cookie is Secure on HTTPS already).");
            }
        }
        String path = Sessions.path(request);
        if (policy.isApi(path) || AccessPolicy.SESSION_STATUS.equals(path)) {
            jsonPolicy(response);
        }
        chain.doFilter(request, response);
    }

    /** The policy of a response that is JSON, never a document. */
    static void jsonPolicy(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", JSON_POLICY);
    }
}
