package io.fleetdashboard.logsearch.entity;

import java.io.Serializable;

/**
 * Where the log documents keep what the search reads and filters on. The defaults are the original dashboard's
 * (Filebeat / Elastic Agent ECS fields of the docker container logs integration); each can be set, e.g.
 * KIBANA_FIELD_HOST=agent.hostname.
 *
 * @param keywordSuffix the sub-field exact terms are matched on ({@code host.hostname.keyword}); empty for fields
 *                      mapped as keyword themselves
 * @param dataset       the field naming the data set, with {@code datasetValue}; an empty field drops that filter
 */
public record LogFields(String timestamp, String message, String container, String host, String level,
                        String keywordSuffix, String dataset, String datasetValue) implements Serializable {

    public static final LogFields ORIGINAL = new LogFields("@timestamp", "message", "container.name", "host.hostname",
            "log.level", ".keyword", "data_stream.dataset", "docker-container_logs");

    public String keyword(String field) {
        return field + keywordSuffix;
    }
}
