package io.fleetdashboard.logsearch.control;

import io.fleetdashboard.logsearch.entity.LogFields;
import io.fleetdashboard.logsearch.entity.LogSearchException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The log search's connection, from the original dashboard's variables: KIBANA_LOGS_ENDPOINT (the full
 * {@code _search} URL, directly on Elasticsearch or through Kibana's console proxy), KIBANA_API_KEY (sent as
 * {@code Authorization: ApiKey <key>}), KIBANA_VERIFY_SSL (default true), KIBANA_TIMEOUT_SECONDS (default 60), and
 * the field mapping (KIBANA_FIELD_TIMESTAMP, _MESSAGE, _CONTAINER, _HOST, _LEVEL, _KEYWORD_SUFFIX, _DATASET,
 * _DATASET_VALUE; defaults in {@link LogFields#ORIGINAL}). Both the URL and the key are needed to enable the search.
 * Demo mode may give a stand-in connection when none is configured.
 */
@ApplicationScoped
public class LogSearchSettings {

    /** A connection: where to search, with which key, how long to wait, whether to check the certificate. */
    public record Connection(URI searchUrl, String apiKey, boolean verifySsl, int timeoutSeconds, LogFields fields,
                             boolean standIn) {

        @Override
        public String toString() { // never the key
            return "Connection[" + searchUrl + ", verifySsl=" + verifySsl + ", timeout=" + timeoutSeconds + " s]";
        }
    }

    private volatile Connection standIn;

    /** Used in demo mode only: the simulator's Elasticsearch, when no real one is configured. */
    public void useStandIn(URI searchUrl, String apiKey) {
        standIn = new Connection(searchUrl, apiKey, true, 10, LogFields.ORIGINAL, true);
    }

    /** The configured connection, or the demo stand-in; empty when the search is not configured. */
    public Optional<Connection> connection() {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = text(config, "KIBANA_LOGS_ENDPOINT");
        Optional<String> key = text(config, "KIBANA_API_KEY");
        if (url.isEmpty() || key.isEmpty()) {
            return Optional.ofNullable(standIn);
        }
        LogFields d = LogFields.ORIGINAL;
        LogFields fields = new LogFields(text(config, "KIBANA_FIELD_TIMESTAMP").orElse(d.timestamp()),
                text(config, "KIBANA_FIELD_MESSAGE").orElse(d.message()),
                text(config, "KIBANA_FIELD_CONTAINER").orElse(d.container()),
                text(config, "KIBANA_FIELD_HOST").orElse(d.host()),
                text(config, "KIBANA_FIELD_LEVEL").orElse(d.level()),
                config.getOptionalValue("KIBANA_FIELD_KEYWORD_SUFFIX", String.class).orElse(d.keywordSuffix()),
                config.getOptionalValue("KIBANA_FIELD_DATASET", String.class).orElse(d.dataset()),
                text(config, "KIBANA_FIELD_DATASET_VALUE").orElse(d.datasetValue()));
        URI searchUrl;
        try {
            searchUrl = URI.create(url.get().strip());
            if (searchUrl.getScheme() == null || !searchUrl.getScheme().startsWith("http") || searchUrl.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new LogSearchException(LogSearchException.Kind.NOT_CONFIGURED,
                    "KIBANA_LOGS_ENDPOINT is not an http(s) URL of a _search endpoint");
        }
        return Optional.of(new Connection(searchUrl, key.get().strip(),
                config.getOptionalValue("KIBANA_VERIFY_SSL", Boolean.class).orElse(true),
                Math.max(1, Math.min(600, config.getOptionalValue("KIBANA_TIMEOUT_SECONDS", Integer.class)
                        .orElse(60))), fields, false));
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
