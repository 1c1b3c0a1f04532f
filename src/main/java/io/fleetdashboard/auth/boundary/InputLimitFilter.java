package io.fleetdashboard.auth.boundary;

import io.fleetdashboard.auth.control.AccessPolicy;
import io.fleetdashboard.auth.control.InputLimits;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link InputLimits} to every request before the access check and before any resource or page parses it:
 * an oversized query string, parameter or form field, or a control character in a query value, gets 400; a body
 * over the limit gets 413. API paths answer JSON {error, message}; pages get the error page with the same sentence
 * (request attribute {@link #MESSAGE}). Declared in web.xml after SecurityHeadersFilter, before AccessFilter.
 */
public class InputLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The request attribute that carries the refusal to the error page. */
    public static final String MESSAGE = "fleet.input.refusal";
    /** The error page's parameter value after a Faces ajax post was refused. */
    public static final String REFUSED_FORM = "form";
    /** What the error page says then. */
    public static final String FORM_MESSAGE = "A field or the form was too large (at most "
            + InputLimits.MAX_FORM_VALUE + " characters a field): nothing was saved. Go back and enter a shorter value.";

    @Inject
    AccessPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = policy.ruleFor(Sessions.path(request)).api();
        String rawQuery = request.getQueryString();
        Optional<String> refused = InputLimits.queryStringRefusal(rawQuery);
        if (refused.isPresent()) {
            refuse(request, response, api, 400, "bad_request", refused.get());
            return;
        }
        refused = InputLimits.bodyRefusal(request.getContentLengthLong());
        if (refused.isPresent()) {
            refuse(request, response, api, 413, "payload_too_large", refused.get());
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            refuse(request, response, api, 400, "bad_request", "The query string or form is not valid URL encoding.");
            return;
        }
        refused = InputLimits.parameterRefusal(parameters, InputLimits.names(rawQuery));
        if (refused.isPresent()) {
            refuse(request, response, api, 400, "bad_request", refused.get());
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, int status,
            String error, String message) throws IOException {
        if (api) {
            AccessFilter.json(response, status, error, message);
        } else if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            // A Faces ajax post cannot show an error page: send its client to the page, which names the limit.
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + "/error.xhtml?refused=" + REFUSED_FORM + "\"/></partial-response>");
        } else {
            request.setAttribute(MESSAGE, message);
            response.sendError(status);
        }
    }
}
