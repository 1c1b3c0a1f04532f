package io.fleetdashboard.logsearch.entity;

/** Why a log search failed, in words a user can act on; the kind decides the HTTP status of the API. */
public class LogSearchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** KIBANA_LOGS_ENDPOINT / KIBANA_API_KEY not set. */
        NOT_CONFIGURED,
        /** Elasticsearch refused the API key (401/403). */
        REJECTED,
        /** Elasticsearch or Kibana answered an error, or could not be reached. */
        UNAVAILABLE,
        /** No answer within KIBANA_TIMEOUT_SECONDS. */
        TIMEOUT,
        /** The answer was not Elasticsearch's search answer. */
        MALFORMED,
        /** Too many searches in flight, or paused after repeated failures. */
        OVERLOADED
    }

    private final Kind kind;

    public LogSearchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LogSearchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
