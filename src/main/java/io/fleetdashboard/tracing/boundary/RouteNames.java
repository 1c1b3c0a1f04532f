package io.fleetdashboard.tracing.boundary;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;

/**
 * The route a request counts under: the JAX-RS template for API requests that reached a resource method
 * ("/api/v1/containers/{key}"), the page for Faces pages ("/workloads.xhtml"), the servlet's pattern for our other
 * servlets ("/containers/*"). Never the raw path, so the number of routes is bounded whatever clients send.
 */
final class RouteNames {

    static final String FACES_RESOURCES = "/jakarta.faces.resource/*";
    static final String UNKNOWN_PAGE = "(unknown page)";
    static final String UNMATCHED = "(no route)";

    private RouteNames() {
    }

    /** A request that no resource method took: by its servlet mapping. */
    static String of(HttpServletRequest request, int status) {
        String servletPath = request.getServletPath();
        if (servletPath != null && servletPath.startsWith("/jakarta.faces.resource/")) {
            return FACES_RESOURCES;
        }
        HttpServletMapping mapping = request.getHttpServletMapping();
        if (mapping == null || mapping.getMappingMatch() == null) {
            return UNMATCHED;
        }
        return switch (mapping.getMappingMatch()) {
            case EXTENSION -> status == 404 ? UNKNOWN_PAGE : servletPath;
            case CONTEXT_ROOT -> "/";
            case EXACT, PATH -> mapping.getPattern();
            case DEFAULT -> UNMATCHED;
        };
    }

    /** The template of a JAX-RS resource method under the application's path ("/api" + class + method). */
    static String template(String applicationPath, Class<?> resource, Method method) {
        StringBuilder template = new StringBuilder();
        append(template, applicationPath);
        Path classPath = resource == null ? null : resource.getAnnotation(Path.class);
        append(template, classPath == null ? null : classPath.value());
        Path methodPath = method == null ? null : method.getAnnotation(Path.class);
        append(template, methodPath == null ? null : methodPath.value());
        return template.isEmpty() ? "/" : template.toString();
    }

    private static void append(StringBuilder template, String part) {
        if (part == null || part.isBlank() || part.equals("/")) {
            return;
        }
        String trimmed = part.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("/")) {
            template.append('/');
        }
        template.append(trimmed);
    }
}
