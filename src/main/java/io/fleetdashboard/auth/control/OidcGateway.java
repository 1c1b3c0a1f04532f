package io.fleetdashboard.auth.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.fleetdashboard.auth.entity.ProviderUnreachableException;
import io.fleetdashboard.auth.entity.SsoException;
import io.fleetdashboard.config.control.PemTrust;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The one way to the OpenID Connect provider: its discovery document (cached for an hour, fetched again after a
 * failure), its JWKS (Nimbus' key source: cached 15 minutes, fetched again at once when a token names a key id it
 * does not know, so a rotated key verifies), and the token endpoint. Every call has a short deadline (3 s to
 * connect, 5 s for the answer) and passes OidcCalls' deadline and circuit breaker; failures are SsoExceptions
 * (provider_unreachable, provider_error) that say what happened without the secret or the code. Every call is timed
 * in fleet_oidc_request_seconds by call and outcome. DASHBOARD_OIDC_CA_BUNDLE (a PEM file) is the trust for a
 * provider whose certificate a private CA signed, for its documents and its keys alike.
 */
@ApplicationScoped
public class OidcGateway {

    private static final Logger LOG = Logger.getLogger(OidcGateway.class.getName());
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DISCOVERY_TTL = Duration.ofHours(1);
    static final long JWKS_TTL_MILLIS = Duration.ofMinutes(15).toMillis();
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    /** The provider as its discovery document describes it. */
    public record Provider(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                           Optional<URI> endSessionEndpoint, JWKSource<SecurityContext> keys) {
    }

    @Inject
    OidcSettings settings;

    @Inject
    OidcCalls calls;

    @Inject
    MetricRegistry registry;

    private HttpClient http;
    private SSLSocketFactory keySocketFactory;

    @PostConstruct
    void connect() {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        Optional<SSLContext> trust = Optional.empty();
        try {
            trust = settings.caBundle().map(OidcGateway::trusting);
        } catch (IllegalStateException e) {
            // sign-ins then fail with a clear "unreachable" (the provider's certificate is not trusted), never a 500
            LOG.severe(e.getMessage() + "; the JVM's trust store is used instead");
        }
        trust.ifPresent(builder::sslContext);
        keySocketFactory = trust.map(SSLContext::getSocketFactory).orElse(null);
        http = builder.build();
    }

    /** TLS that trusts the certificates of that PEM file (and only those). */
    static SSLContext trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(PemTrust.trustStore(in, "oidc-ca"));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("DASHBOARD_OIDC_CA_BUNDLE cannot be used (" + pem + "): "
                    + e.getMessage(), e);
        }
    }
    private volatile Provider provider;
    private volatile long providerFetchedMillis;

    /** The provider (discovery document and key source), fetched when missing or older than an hour. */
    public Provider provider() {
        Provider known = provider;
        if (known != null && System.currentTimeMillis() - providerFetchedMillis < DISCOVERY_TTL.toMillis()) {
            return known;
        }
        synchronized (this) {
            if (provider != null && System.currentTimeMillis() - providerFetchedMillis < DISCOVERY_TTL.toMillis()) {
                return provider;
            }
            Provider fetched = discover();
            provider = fetched;
            providerFetchedMillis = System.currentTimeMillis();
            return fetched;
        }
    }

    private Provider discover() {
        URI uri = settings.discoveryUri();
        JsonObject doc = json(send(HttpRequest.newBuilder(uri).timeout(ANSWER_TIMEOUT).GET()
                .header("Accept", "application/json").build(), "discovery"), "discovery document");
        String issuer = text(doc, "issuer").orElse("");
        if (!issuer.equals(settings.issuer())) {
            throw new SsoException("provider_error", "The provider's discovery document names issuer '" + issuer
                    + "', not the configured DASHBOARD_OIDC_ISSUER.");
        }
        URI authorize = endpoint(doc, "authorization_endpoint");
        URI token = endpoint(doc, "token_endpoint");
        URI jwks = endpoint(doc, "jwks_uri");
        Optional<URI> endSession = text(doc, "end_session_endpoint").map(URI::create);
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(jwks.toURL(), new DefaultResourceRetriever(
                            (int) CONNECT_TIMEOUT.toMillis(), (int) ANSWER_TIMEOUT.toMillis(), MAX_DOCUMENT_BYTES,
                            true, keySocketFactory))
                    .cache(JWKS_TTL_MILLIS, ANSWER_TIMEOUT.toMillis())
                    // ID tokens reach us only from the token endpoint, never from a browser: nobody can make us
                    // fetch the JWKS for made-up key ids, so a rotated key is fetched at its first use, every time.
                    .rateLimited(false)
                    .retrying(true)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SsoException("provider_error", "The provider's jwks_uri is not a URL.");
        }
        return new Provider(issuer, authorize, token, jwks, endSession, keys);
    }

    /**
     * Exchanges the authorization code (with the PKCE verifier) at the token endpoint; the ID token. The client
     * authenticates with client_secret_basic when DASHBOARD_OIDC_CLIENT_SECRET is set, as a public client otherwise.
     */
    public String exchange(String code, String codeVerifier) {
        Provider known = provider();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri());
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(known.tokenEndpoint()).timeout(ANSWER_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        Optional<String> secret = settings.clientSecret();
        if (secret.isPresent()) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(settings.clientId()) + ":" + encode(secret.get())).getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", settings.clientId());
        }
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = sendRaw(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(), "token");
        if (response.statusCode() != 200) {
            String error = "";
            try {
                error = text(json(response.body(), "token error"), "error").orElse("");
            } catch (SsoException e) {
                // Not JSON: the status alone says it.
            }
            String word = error.matches("[a-z_]{1,40}") ? " (" + error + ")" : "";
            throw new SsoException("provider_error", "The provider refused the sign-in code: HTTP "
                    + response.statusCode() + word + ".");
        }
        return text(json(response.body(), "token answer"), "id_token")
                .orElseThrow(() -> new SsoException("provider_error", "The provider's token answer has no id_token."));
    }

    /** Forgets the discovery document (and with it the cached keys), e.g. after the provider's configuration changed. */
    public synchronized void forget() {
        provider = null;
    }

    private String send(HttpRequest request, String what) {
        HttpResponse<String> response = sendRaw(request, what);
        if (response.statusCode() != 200) {
            throw new SsoException("provider_error", "The provider's " + what + " answered HTTP " + response.statusCode() + ".");
        }
        return response.body();
    }

    private HttpResponse<String> sendRaw(HttpRequest request, String what) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            HttpResponse<String> response = calls.call(() -> exchange(request, what));
            outcome = response.statusCode() < 400 ? "ok" : "refused";
            return response;
        } catch (ProviderUnreachableException e) {
            outcome = "unreachable";
            throw e;
        } catch (CircuitBreakerOpenException e) {
            outcome = "paused";
            throw new SsoException("provider_unreachable", "The provider failed to answer several times in a row: "
                    + "single sign-on is paused for " + OidcCalls.PAUSE_MILLIS / 1000 + " s. Try again shortly.", e);
        } catch (org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException e) {
            outcome = "unreachable";
            throw new SsoException("provider_unreachable", "The provider's " + what + " did not answer in time.", e);
        } finally {
            registry.timer("fleet.oidc.request", new Tag("call", what), new Tag("outcome", outcome))
                    .update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ProviderUnreachableException("The provider's " + what + " did not answer within "
                    + ANSWER_TIMEOUT.toSeconds() + " s.", e);
        } catch (IOException e) {
            LOG.info(() -> "OIDC " + what + " call failed: " + e);
            throw new ProviderUnreachableException("The provider could not be reached (" + what + ").", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnreachableException("The sign-in was interrupted.", e);
        }
    }

    private static JsonObject json(String body, String what) {
        if (body == null || body.length() > MAX_DOCUMENT_BYTES) {
            throw new SsoException("provider_error", "The provider's " + what + " is empty or too large.");
        }
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new SsoException("provider_error", "The provider's " + what + " is not a JSON object.");
        }
    }

    private static Optional<String> text(JsonObject doc, String name) {
        JsonValue value = doc.get(name);
        return value instanceof JsonString s && !s.getString().isBlank() ? Optional.of(s.getString()) : Optional.empty();
    }

    private static URI endpoint(JsonObject doc, String name) {
        String value = text(doc, name).orElseThrow(() -> new SsoException("provider_error",
                "The provider's discovery document has no " + name + "."));
        try {
            URI uri = URI.create(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                throw new IllegalArgumentException(value);
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SsoException("provider_error", "The provider's " + name + " is not a URL.");
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
