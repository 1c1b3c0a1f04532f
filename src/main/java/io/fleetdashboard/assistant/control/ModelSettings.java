package io.fleetdashboard.assistant.control;

import io.fleetdashboard.assistant.entity.ModelException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The model's connection, from the original dashboard's variables: LLM_API_ENDPOINT (the full chat-completions
 * URL), LLM_BEARER_TOKEN (a token sent as Bearer; {@code user:pass} sent as Basic; a value that already starts with
 * "Bearer " or "Basic " as it is), LLM_MODEL (default gpt-oss), LLM_MAX_TOKENS (4096), LLM_TIMEOUT_SECONDS (60),
 * LLM_CA_BUNDLE (a PEM file whose certificates are the ones trusted for TLS to the model) and
 * LLM_MAX_CONTEXT_TOKENS (the budget of what is sent, 8000). Demo mode gives the simulator's stand-in when no
 * endpoint is configured (with a 10 s timeout unless LLM_TIMEOUT_SECONDS and LLM_MAX_CONTEXT_TOKENS say otherwise).
 */
@ApplicationScoped
public class ModelSettings {

    /** A connection; toString never shows the token. */
    public record Connection(URI endpoint, String authorization, String model, int maxTokens, int timeoutSeconds,
                             Path caBundle, int maxContextTokens, boolean simulated) {

        @Override
        public String toString() {
            return "Connection[" + endpoint + ", model=" + model + ", timeout=" + timeoutSeconds + " s"
                    + (caBundle == null ? "" : ", CA bundle " + caBundle) + (simulated ? ", simulated" : "") + "]";
        }
    }

    private volatile Connection standIn;

    /** Demo mode only: the simulator's OpenAI-compatible stand-in. */
    public void useStandIn(URI endpoint, String token) {
        standIn = new Connection(endpoint, authorization(token), "simulated-model", 1024, 10, null, 8000, true);
    }

    public boolean configured() {
        try {
            return connection().isPresent();
        } catch (ModelException misconfigured) {
            return false;
        }
    }

    public Optional<Connection> connection() {
        Config config = ConfigProvider.getConfig();
        Optional<String> url = text(config, "LLM_API_ENDPOINT");
        if (url.isEmpty()) {
            Connection simulated = standIn;
            if (simulated == null) {
                return Optional.empty();
            }
            // the stand-in keeps its endpoint and token; the budget and the timeout are the configured ones
            return Optional.of(new Connection(simulated.endpoint(), simulated.authorization(), simulated.model(),
                    simulated.maxTokens(), bounded(config, "LLM_TIMEOUT_SECONDS", simulated.timeoutSeconds(), 1, 600),
                    null, bounded(config, "LLM_MAX_CONTEXT_TOKENS", simulated.maxContextTokens(), 500, 2_000_000),
                    true));
        }
        URI endpoint;
        try {
            endpoint = URI.create(url.get().strip());
            if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http") || endpoint.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ModelException(ModelException.Kind.NOT_CONFIGURED,
                    "LLM_API_ENDPOINT is not an http(s) URL of a chat-completions endpoint");
        }
        return Optional.of(new Connection(endpoint, authorization(text(config, "LLM_BEARER_TOKEN").orElse(null)),
                text(config, "LLM_MODEL").orElse("gpt-oss"),
                bounded(config, "LLM_MAX_TOKENS", 4096, 16, 200_000),
                bounded(config, "LLM_TIMEOUT_SECONDS", 60, 1, 600),
                text(config, "LLM_CA_BUNDLE").map(Path::of).orElse(null),
                bounded(config, "LLM_MAX_CONTEXT_TOKENS", 8000, 500, 2_000_000), false));
    }

    /** The Authorization header for a token, as the original built it; null for none. */
    static String authorization(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        String t = token.strip();
        if (t.startsWith("Bearer ") || t.startsWith("Basic ")) {
            return t;
        }
        if (t.contains(":")) {
            return "Basic " + Base64.getEncoder().encodeToString(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return "Bearer " + t;
    }

    private static int bounded(Config config, String name, int defaultValue, int min, int max) {
        Optional<String> value = text(config, name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.get().strip())));
        } catch (NumberFormatException e) {
            throw new ModelException(ModelException.Kind.NOT_CONFIGURED, name + " must be a whole number");
        }
    }

    private static Optional<String> text(Config config, String name) {
        return config.getOptionalValue(name, String.class).filter(v -> !v.isBlank());
    }
}
