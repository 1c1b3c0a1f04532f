package io.fleetdashboard.logsearch.control;

import io.fleetdashboard.config.control.RestClientSlot;
import io.fleetdashboard.config.control.InsecureTls;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import io.fleetdashboard.logsearch.entity.LogSearchException.Kind;
import io.fleetdashboard.logsearch.entity.LogSearchQuery;
import io.fleetdashboard.logsearch.entity.LogSearchResult;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one way to Elasticsearch: one pooled REST client per connection setting (rebuilt when the settings change),
 * fault tolerance in {@link ElasticsearchCalls}, metrics {@code fleet.logsearch.request} (timer, tag outcome)
 * [fleet_logsearch_request_seconds], and every failure as a {@link LogSearchException} whose message says what to
 * do. The API key is sent in the Authorization header only; it is never logged.
 */
@ApplicationScoped
public class ElasticsearchGateway {

    private static final Logger LOG = Logger.getLogger(ElasticsearchGateway.class.getName());
    /** 1,000 hits of long lines fit easily; anything larger is not a search answer we asked for. */
    static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;
    static final String XSRF = "fleet-dashboard";

    @Inject
    LogSearchSettings settings;

    @Inject
    ElasticsearchCalls calls;

    @Inject
    MetricRegistry registry;

    @Resource
    ManagedExecutorService executor;

    private final RestClientSlot<LogSearchSettings.Connection, ElasticsearchApi> client =
            new RestClientSlot<>("log search", this::build);

    public boolean configured() {
        try {
            return settings.connection().isPresent();
        } catch (LogSearchException misconfigured) {
            return false;
        }
    }

    /** The connection in use, for the page to say where it searches (never the key). */
    public Optional<LogSearchSettings.Connection> connection() {
        return settings.connection();
    }

    /**
     * The search on a managed thread, for callers that must not wait on Elasticsearch (requests, pages); a full
     * executor completes it at once with an OVERLOADED failure.
     */
    public CompletableFuture<LogSearchResult> searchAsync(LogSearchQuery query) {
        try {
            return CompletableFuture.supplyAsync(() -> search(query), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new LogSearchException(Kind.OVERLOADED,
                    "The server is too busy to search the logs now: try again in a moment", e));
        }
    }

    public LogSearchResult search(LogSearchQuery query) {
        LogSearchSettings.Connection connection = settings.connection().orElseThrow(() -> new LogSearchException(
                Kind.NOT_CONFIGURED, "Log search is not configured: set KIBANA_LOGS_ENDPOINT (the _search URL) and "
                        + "KIBANA_API_KEY"));
        long started = System.nanoTime();
        String outcome = "error";
        try {
            ElasticsearchApi api = client.get(connection);
            String body = LogSearchJson.body(query, connection.fields()).toString();
            LogSearchResult result = calls.search(() -> read(connection,
                    api.search("ApiKey " + connection.apiKey(), XSRF, body), started));
            outcome = "ok";
            return result;
        } catch (LogSearchException e) {
            outcome = e.kind().name().toLowerCase(Locale.ROOT);
            throw e;
        } catch (BulkheadException e) {
            outcome = "overloaded";
            throw new LogSearchException(Kind.OVERLOADED, "Too many log searches at once: try again in a moment", e);
        } catch (CircuitBreakerOpenException e) {
            outcome = "paused";
            throw new LogSearchException(Kind.OVERLOADED,
                    "Log search paused for a few seconds after repeated failures of Elasticsearch", e);
        } catch (ProcessingException | IllegalStateException e) {
            LogSearchException failure = transport(connection, e);
            outcome = failure.kind().name().toLowerCase(Locale.ROOT);
            LOG.log(Level.FINE, "Log search failed", e);
            throw failure;
        } finally {
            registry.timer("fleet.logsearch.request", new Tag("outcome", outcome))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static LogSearchResult read(LogSearchSettings.Connection connection, Response response, long started) {
        try (response) {
            int status = response.getStatus();
            if (status == 401 || status == 403) {
                throw new LogSearchException(Kind.REJECTED, "Elasticsearch refused KIBANA_API_KEY (HTTP " + status
                        + "): check the key and its privileges on the log indices");
            }
            JsonValue answer = json(response);
            if (status >= 400) {
                String reason = answer instanceof jakarta.json.JsonObject error ? ": " + LogSearchJson.reason(error)
                        : "";
                throw new LogSearchException(Kind.UNAVAILABLE, "Elasticsearch answered HTTP " + status + reason);
            }
            return LogSearchJson.result(answer, connection.fields(), Instant.now(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    private static JsonValue json(Response response) {
        if (!response.hasEntity()) {
            return null;
        }
        try (InputStream in = response.readEntity(InputStream.class)) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new LogSearchException(Kind.MALFORMED, "The log search answer is larger than 32 MB");
            }
            try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
                return reader.readValue();
            }
        } catch (JsonException e) {
            throw new LogSearchException(Kind.MALFORMED, "The log search answered something that is not JSON: is "
                    + "KIBANA_LOGS_ENDPOINT the _search URL?", e);
        } catch (IOException e) {
            throw new ProcessingException(e);
        }
    }

    private static LogSearchException transport(LogSearchSettings.Connection connection, Exception e) {
        String where = connection.searchUrl().getHost();
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new LogSearchException(Kind.TIMEOUT, "Elasticsearch at " + where + " gave no answer within "
                        + connection.timeoutSeconds() + " s (KIBANA_TIMEOUT_SECONDS): narrow the search or try again",
                        e);
            }
            if (cause instanceof ConnectException) {
                return new LogSearchException(Kind.UNAVAILABLE, "Cannot connect to Elasticsearch at " + where, e);
            }
            if (cause instanceof UnknownHostException) {
                return new LogSearchException(Kind.UNAVAILABLE, "Unknown host " + where + " in KIBANA_LOGS_ENDPOINT",
                        e);
            }
            if (cause instanceof SSLException) {
                return new LogSearchException(Kind.UNAVAILABLE, "TLS to " + where + " failed (untrusted certificate? "
                        + "KIBANA_VERIFY_SSL=false turns the check off)", e);
            }
            if (cause instanceof LogSearchException search) {
                return search;
            }
        }
        return new LogSearchException(Kind.UNAVAILABLE, "The log search at " + where + " failed", e);
    }

    private ElasticsearchApi build(LogSearchSettings.Connection connection) {
        RestClientBuilder builder = RestClientSlot.pooled(connection.searchUrl(), connection.timeoutSeconds());
        if (!connection.verifySsl()) {
            LOG.warning(() -> "TLS certificate verification is OFF for the log search at "
                    + connection.searchUrl().getHost() + " (KIBANA_VERIFY_SSL=false)");
            builder.sslContext(InsecureTls.trustingEveryCertificate()).hostnameVerifier((host, session) -> true);
        }
        return builder.build(ElasticsearchApi.class);
    }

    @PreDestroy
    void closeClient() {
        client.close();
    }
}
