package io.fleetdashboard.metrics.control;

/** The metrics store could not read or write; the API answers 503 with a sentence, never the SQL. */
public class MetricsStoreException extends RuntimeException {

    public MetricsStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
