package io.fleetdashboard.alerts.control;

import io.fleetdashboard.alerts.entity.DeliveryException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way out to webhook receivers (generic, Slack, Teams, Discord): a JSON POST with a connect and a request
 * timeout (ALERTS_HTTP_TIMEOUT_SECONDS), no redirects followed (a redirect could carry the token elsewhere), the
 * answer's body discarded. A failure is a {@link DeliveryException} that names only the receiver's host.
 */
@ApplicationScoped
public class WebhookGateway {

    @Inject
    @ConfigProperty(name = "alerts.http.timeout.seconds", defaultValue = "10")
    int timeoutSeconds;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    Duration timeout() {
        return Duration.ofSeconds(Math.max(1, timeoutSeconds));
    }

    public void post(String url, String json) throws DeliveryException {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("the stored webhook URL is not a valid URL", false);
        }
        String host = host(uri);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout())
                .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "fleet-dashboard")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpConnectTimeoutException e) {
            throw new DeliveryException("no connection to " + host + " within " + timeout().toSeconds() + " s", true);
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no answer from " + host + " within " + timeout().toSeconds() + " s", true);
        } catch (ConnectException e) {
            throw new DeliveryException("cannot connect to " + host + " (refused or unreachable)", true);
        } catch (IOException e) {
            throw new DeliveryException("network error talking to " + host + " (" + e.getClass().getSimpleName()
                    + ")", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + host, false);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        boolean retryable = status == 429 || status >= 500 || status == 408;
        throw new DeliveryException("HTTP " + status + " from " + host + (status >= 300 && status < 400
                ? " (a redirect; not followed)" : ""), retryable);
    }

    /** What may be shown of a webhook URL: scheme and host (with an explicit port), never the path or query. */
    public static String host(URI uri) {
        String host = uri.getHost() == null ? "(no host)" : uri.getHost();
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + host
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
