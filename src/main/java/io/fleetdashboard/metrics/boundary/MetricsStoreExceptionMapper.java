package io.fleetdashboard.metrics.boundary;

import io.fleetdashboard.api.boundary.ApiError;
import io.fleetdashboard.metrics.control.MetricsStoreException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Store failures: 503 with a sentence; the details go to the log only. */
@Provider
public class MetricsStoreExceptionMapper implements ExceptionMapper<MetricsStoreException> {

    private static final Logger LOG = Logger.getLogger(MetricsStoreExceptionMapper.class.getName());

    @Override
    public Response toResponse(MetricsStoreException e) {
        LOG.log(Level.WARNING, "Metrics store failure", e);
        return ApiError.response(Response.Status.SERVICE_UNAVAILABLE, "metrics_store_unavailable",
                "The metrics history cannot be read or written right now.");
    }
}
