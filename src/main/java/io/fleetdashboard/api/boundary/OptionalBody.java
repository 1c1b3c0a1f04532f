package io.fleetdashboard.api.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;

/**
 * A JSON body a route accepts but does not require (POST …/test, POST …/backups): none or blank is null; anything
 * else must be JSON of the type, or the caller gets the usual 400 for a malformed body.
 */
public final class OptionalBody {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private OptionalBody() {
    }

    /** @throws JsonbException (400 by ApiExceptionMappers) for a body that is not JSON of the type */
    public static <T> T parse(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return JSONB.fromJson(body, type);
    }
}
