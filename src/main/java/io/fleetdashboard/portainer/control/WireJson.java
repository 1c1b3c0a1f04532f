package io.fleetdashboard.portainer.control;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.config.PropertyNamingStrategy;

/** The one JSON-B instance for Portainer's PascalCase JSON, configured once (Jsonb is thread-safe). */
final class WireJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.UPPER_CAMEL_CASE));

    private WireJson() {
    }

    /** @throws JsonbException for invalid or truncated JSON, and for an empty body */
    static <T> T parse(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new JsonbException("empty body");
        }
        return JSONB.fromJson(json, type);
    }
}
