package io.fleetdashboard.config.control;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one pooled MicroProfile REST client of a gateway whose connection settings can change at run time (an LLM,
 * Elasticsearch): built for the current settings on first use, rebuilt when they change (the old client and its
 * pool closed), closed with the gateway.
 *
 * @param <S> the connection settings (a record: compared by value)
 * @param <A> the REST client interface
 */
public final class RestClientSlot<S, A extends AutoCloseable> {

    private static final Logger LOG = Logger.getLogger(RestClientSlot.class.getName());

    private record Built<S, A>(S settings, A api) {
    }

    private final String what;
    private final Function<S, A> build;
    private volatile Built<S, A> current;

    /** {@code what} names the remote in log lines; {@code build} makes a client for given settings. */
    public RestClientSlot(String what, Function<S, A> build) {
        this.what = what;
        this.build = build;
    }

    /** A builder with the pool and timeouts every such gateway uses (connect at most 10 s; 8 connections). */
    public static RestClientBuilder pooled(URI base, int timeoutSeconds) {
        return RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(Math.min(10, timeoutSeconds), TimeUnit.SECONDS)
                .readTimeout(timeoutSeconds, TimeUnit.SECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .property("resteasy.connectionPoolSize", 8)
                .property("resteasy.maxPooledPerRoute", 8);
    }

    /** The client for these settings. */
    public A get(S settings) {
        Built<S, A> built = current;
        if (built != null && built.settings().equals(settings)) {
            return built.api();
        }
        synchronized (this) {
            built = current;
            if (built != null && built.settings().equals(settings)) {
                return built.api();
            }
            A api = build.apply(settings);
            if (built != null) {
                close(built);
            }
            current = new Built<>(settings, api);
            return api;
        }
    }

    /** Closes the client, if one was built. */
    public void close() {
        Built<S, A> built = current;
        if (built != null) {
            close(built);
        }
    }

    private void close(Built<S, A> built) {
        try {
            built.api().close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing the " + what + " client failed", e);
        }
    }
}
