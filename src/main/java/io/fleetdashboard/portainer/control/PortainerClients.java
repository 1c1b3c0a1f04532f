package io.fleetdashboard.portainer.control;

import io.fleetdashboard.config.control.InsecureTls;
import io.fleetdashboard.config.control.PemTrust;
import io.fleetdashboard.environments.entity.EnvironmentConnection;
import io.fleetdashboard.environments.entity.EnvironmentsChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Exactly one REST client per environment, built once with RestClientBuilder and reused, so its Apache HttpClient
 * pool keeps connections alive. Rebuilt (and the old one closed) only when the environment's URL, key, TLS or
 * timeout settings change; all closed at shutdown.
 * <p>
 * Every client: X-API-Key on every request and no cookies (Portainer's CSRF check kicks in once a cookie is sent
 * back, docs/portainer.md, "Authentication and errors"); pool of {@code portainer.max.concurrency} connections per
 * route with a {@code portainer.connection.ttl.seconds} TTL; connect timeout
 * {@code portainer.connect.timeout.seconds}; read timeout the largest tier (list, docker), capped by the environment's own timeout; no default exception mapper
 * (the gateway reads every status itself). verifySsl=false: trust-all TLS without hostname verification.
 */
@ApplicationScoped
public class PortainerClients {

    private static final Logger LOG = Logger.getLogger(PortainerClients.class.getName());

    @Inject
    @ConfigProperty(name = "portainer.connect.timeout.seconds", defaultValue = "5")
    int connectTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "portainer.list.timeout.seconds", defaultValue = "15")
    int listTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "portainer.docker.timeout.seconds", defaultValue = "20")
    int dockerTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "portainer.max.concurrency", defaultValue = "16")
    int maxConcurrency;

    @Inject
    @ConfigProperty(name = "portainer.connection.ttl.seconds", defaultValue = "300")
    long connectionTtlSeconds;

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Set<String> insecureWarned = ConcurrentHashMap.newKeySet();

    private record Client(String fingerprint, PortainerApi api) {
    }

    public PortainerApi client(EnvironmentConnection environment) {
        String fingerprint = fingerprint(environment);
        Client current = clients.get(environment.name());
        if (current != null && current.fingerprint().equals(fingerprint)) {
            return current.api();
        }
        return clients.compute(environment.name(), (name, old) -> {
            if (old != null && old.fingerprint().equals(fingerprint)) {
                return old;
            }
            if (old != null) {
                LOG.info(() -> "Settings of environment '" + name + "' changed: new Portainer client");
                close(name, old);
            }
            return new Client(fingerprint, build(environment));
        }).api();
    }

    /** A changed or removed environment: close its client now; the next call builds one with the new settings. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnvironmentsChanged change) {
        Client removed = clients.remove(change.name());
        if (removed != null) {
            close(change.name(), removed);
        }
    }

    /** Closes the clients of environments that are gone. */
    public void retain(Set<String> names) {
        clients.keySet().removeIf(name -> {
            if (names.contains(name)) {
                return false;
            }
            Client client = clients.get(name);
            if (client != null) {
                close(name, client);
            }
            return true;
        });
    }

    public int size() {
        return clients.size();
    }

    @PreDestroy
    void closeAll() {
        clients.forEach(PortainerClients::close);
        clients.clear();
    }

    int readTimeoutSeconds(EnvironmentConnection environment) {
        return capped(environment, Math.max(listTimeoutSeconds, dockerTimeoutSeconds));
    }

    /** A timeout, at most the environment's own request timeout (its PORTAINER_&lt;NAME&gt;_TIMEOUT). */
    private static int capped(EnvironmentConnection environment, int seconds) {
        return environment.timeoutSeconds() > 0 ? Math.min(environment.timeoutSeconds(), seconds) : seconds;
    }

    private PortainerApi build(EnvironmentConnection environment) {
        int pool = environment.maxConcurrency() > 0 ? environment.maxConcurrency() : maxConcurrency;
        RestClientBuilder builder = builder(environment, connectTimeoutSeconds(environment),
                readTimeoutSeconds(environment))
                .property("resteasy.connectionPoolSize", pool)
                .property("resteasy.maxPooledPerRoute", pool)
                .property("resteasy.connectionTTL", List.of(connectionTtlSeconds, TimeUnit.SECONDS));
        return builder.build(PortainerApi.class);
    }

    /**
     * A client for one connection test, never pooled or shared (the caller closes it): the environment's key, TLS
     * and CA bundle, with the given timeouts. For unsaved settings too.
     */
    PortainerApi probeClient(EnvironmentConnection environment, int connectSeconds, int readSeconds) {
        return builder(environment, connectSeconds, readSeconds)
                .property("resteasy.connectionPoolSize", 2)
                .property("resteasy.maxPooledPerRoute", 2)
                .build(PortainerApi.class);
    }

    int connectTimeoutSeconds(EnvironmentConnection environment) {
        int seconds = environment.connectTimeoutSeconds() > 0 ? environment.connectTimeoutSeconds()
                : connectTimeoutSeconds;
        return capped(environment, seconds);
    }

    /** Key filter, timeouts, no default mapper; TLS: trust-all (verifySsl=false), the CA bundle, or the JVM's. */
    private RestClientBuilder builder(EnvironmentConnection environment, int connectSeconds, int readSeconds) {
        RestClientBuilder builder = RestClientBuilder.newBuilder()
                .baseUri(environment.apiUrl())
                .connectTimeout(connectSeconds, TimeUnit.SECONDS)
                .readTimeout(readSeconds, TimeUnit.SECONDS)
                .register(new ApiKeyFilter(environment.apiKey()))
                .property("microprofile.rest.client.disable.default.mapper", true);
        if (!environment.verifySsl()) {
            if (insecureWarned.add(environment.name())) {
                LOG.warning(() -> "TLS certificate verification is OFF for environment '" + environment.name() + "'");
            }
            builder.sslContext(InsecureTls.trustingEveryCertificate()).hostnameVerifier((host, session) -> true);
        } else if (environment.caBundle() != null && !environment.caBundle().isBlank()) {
            builder.trustStore(PemTrust.trustStore(environment.caBundle(), "portainer-ca"));
        }
        return builder;
    }

    private static void close(String name, Client client) {
        try {
            client.api().close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing the client of " + name + " failed", e);
        }
    }

    private String fingerprint(EnvironmentConnection environment) {
        try {
            byte[] keyHash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(environment.apiKey()).getBytes(StandardCharsets.UTF_8));
            byte[] caHash = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(environment.caBundle()).getBytes(StandardCharsets.UTF_8));
            return environment.apiUrl() + "|" + environment.verifySsl() + "|" + readTimeoutSeconds(environment) + "|"
                    + connectTimeoutSeconds(environment) + "|" + environment.maxConcurrency() + "|"
                    + HexFormat.of().formatHex(keyHash) + "|" + HexFormat.of().formatHex(caHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** X-API-Key on every request; any Cookie header removed (API keys only: no session, no CSRF). */
    static final class ApiKeyFilter implements ClientRequestFilter {

        private final String apiKey;

        ApiKeyFilter(String apiKey) {
            this.apiKey = apiKey;
        }

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().remove(HttpHeaders.COOKIE);
            request.getHeaders().putSingle("X-API-Key", apiKey);
        }

        @Override
        public String toString() {
            return "ApiKeyFilter[****]";
        }
    }
}
