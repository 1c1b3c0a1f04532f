package io.fleetdashboard.tracing.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * After JAX-RS matched a request to a resource method: tells {@link RequestTimingFilter} the route's template, so
 * the request counts under "/api/v1/containers/{key}" and not under its raw path.
 */
@Provider
public class RouteTemplateFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Context
    HttpServletRequest request;

    @Context
    Application application;

    @Override
    public void filter(ContainerRequestContext context) {
        if (resource == null || resource.getResourceMethod() == null || request == null) {
            return;
        }
        request.setAttribute(RequestTimingFilter.ROUTE, RouteNames.template(applicationPath(),
                resource.getResourceClass(), resource.getResourceMethod()));
    }

    private String applicationPath() {
        Class<?> type = application == null ? null : application.getClass();
        while (type != null && type != Object.class) {
            ApplicationPath path = type.getAnnotation(ApplicationPath.class);
            if (path != null) {
                return path.value();
            }
            type = type.getSuperclass(); // the runtime may hand us a proxy or subclass
        }
        return "/api";
    }
}
