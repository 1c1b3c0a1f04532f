package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.Counters;
import io.fleetdashboard.simulator.entity.FaultRule;
import io.fleetdashboard.simulator.entity.ServerCounters;
import io.fleetdashboard.simulator.entity.SettingsUpdate;
import io.fleetdashboard.simulator.entity.SimWorldServer;
import io.fleetdashboard.simulator.entity.SimulatedServer;
import io.fleetdashboard.simulator.entity.SimulatorSettings;
import io.fleetdashboard.simulator.entity.Truth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The running simulator without CDI: the world, the servers, the fault rules and the clock. Executors come from
 * outside (the container's managed ones in Liberty).
 */
public final class Simulation {

    private static final Logger LOG = Logger.getLogger(Simulation.class.getName());

    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final List<SimulatedPortainer> servers = new ArrayList<>();
    private SimulatedElasticsearch elasticsearch;
    private SimulatedLlm llm;
    private WebhookSink webhookSink;
    private SmtpSink smtpSink;
    private volatile World world;
    private volatile List<FaultRule> faults = List.of();

    public Simulation(SimulatorSettings settings, Executor executor, ScheduledExecutorService scheduler,
            LongSupplier clock) {
        this.executor = executor;
        this.scheduler = scheduler;
        this.clock = clock;
        this.world = World.build(settings, clock.getAsLong());
    }

    Executor executor() {
        return executor;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    long now() {
        return clock.getAsLong();
    }

    public World world() {
        return world;
    }

    long seed() {
        return world.settings().seed();
    }

    List<FaultRule> faults() {
        return faults;
    }

    /** Latency plus a uniform jitter draw in [0, jitter], deterministic per (seed, server, path, sequence). */
    long latency(int serverIndex, String path, long sequence) {
        SimulatorSettings s = world.settings();
        long jitter = s.jitterMs() <= 0 ? 0
                : (long) (Seeds.unit(Seeds.mix(s.seed(), serverIndex, path.hashCode(), sequence)) * (s.jitterMs() + 1));
        return s.latencyMs() + jitter;
    }

    public synchronized void start() {
        syncServers();
        if (elasticsearch == null) {
            // an Elasticsearch API key is base64 of id:secret; any opaque text works for the stand-in
            SimulatedElasticsearch created = new SimulatedElasticsearch(this,
                    java.util.Base64.getEncoder().encodeToString(("sim-es:" + World.apiKey(seed(), 0).substring(4))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            try {
                created.bind();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot bind the Elasticsearch stand-in", e);
            }
            elasticsearch = created;
        }
        if (llm == null) {
            SimulatedLlm created = new SimulatedLlm(this, "sim-llm-" + World.apiKey(seed(), 1).substring(4));
            try {
                created.bind();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot bind the LLM stand-in", e);
            }
            llm = created;
        }
        if (webhookSink == null) {
            WebhookSink created = new WebhookSink(this);
            try {
                created.bind();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot bind the webhook sink", e);
            }
            webhookSink = created;
        }
        if (smtpSink == null) {
            SmtpSink created = new SmtpSink(this);
            try {
                created.bind();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot bind the SMTP sink", e);
            }
            smtpSink = created;
        }
        // names and URLs only: the API keys stay out of the log
        LOG.info(() -> "Portainer simulator started: " + servers().stream().map(s -> s.name() + "=" + s.baseUrl()).toList());
    }

    public synchronized void stop() {
        for (SimulatedPortainer server : servers) {
            server.unbind();
        }
        servers.clear();
        if (elasticsearch != null) {
            elasticsearch.unbind();
            elasticsearch = null;
        }
        if (llm != null) {
            llm.unbind();
            llm = null;
        }
        if (webhookSink != null) {
            webhookSink.unbind();
            webhookSink = null;
        }
        if (smtpSink != null) {
            smtpSink.unbind();
            smtpSink = null;
        }
    }

    /** What the webhook sink received below that path (null: all), and its base URL. */
    public synchronized java.util.Optional<io.fleetdashboard.simulator.entity.SinkReport<
            io.fleetdashboard.simulator.entity.ReceivedWebhook>> webhooks(String pathPrefix) {
        return webhookSink == null ? java.util.Optional.empty() : java.util.Optional.of(webhookSink.report(pathPrefix));
    }

    /** What the SMTP sink received for that recipient (null: all), and where it listens. */
    public synchronized java.util.Optional<io.fleetdashboard.simulator.entity.SinkReport<
            io.fleetdashboard.simulator.entity.ReceivedMail>> mails(String recipient) {
        return smtpSink == null ? java.util.Optional.empty() : java.util.Optional.of(smtpSink.report(recipient));
    }

    public synchronized List<SimulatedServer> servers() {
        List<SimulatedServer> out = new ArrayList<>();
        for (SimulatedPortainer server : servers) {
            SimWorldServer model = world.server(server.name());
            out.add(new SimulatedServer(server.name(), server.baseUrl(), model == null ? "" : model.apiKey()));
        }
        return out;
    }

    /** The Elasticsearch {@code _search} stand-in (its full search URL and API key), once started. */
    public synchronized java.util.Optional<SimulatedServer> elasticsearch() {
        return elasticsearch == null ? java.util.Optional.empty()
                : java.util.Optional.of(new SimulatedServer("elasticsearch", elasticsearch.searchUrl(),
                        elasticsearch.apiKey()));
    }

    /** The OpenAI-compatible stand-in (its chat-completions URL and token), once started. */
    public synchronized java.util.Optional<SimulatedServer> llm() {
        return llm == null ? java.util.Optional.empty()
                : java.util.Optional.of(new SimulatedServer("llm", llm.url(), llm.token()));
    }

    /** The request bodies the LLM stand-in received, oldest first (at most its last 50). */
    public synchronized List<String> llmReceived() {
        return llm == null ? List.of() : llm.received();
    }

    public Truth truth() {
        return TruthCount.of(world, now());
    }

    public synchronized Counters counters() {
        List<ServerCounters> list = new ArrayList<>();
        long requests = 0;
        long connections = 0;
        for (SimulatedPortainer server : servers) {
            ServerCounters c = server.counters().snapshot(server.name());
            list.add(c);
            requests += c.requests();
            connections += c.connections();
        }
        return new Counters(requests, connections, list);
    }

    /** Counters to zero, faults lifted, world rebuilt from the seed. */
    public synchronized void reset() {
        faults = List.of();
        // the hostile containers are a test fixture, like the faults: a reset removes them
        world = World.build(world.settings().with(new io.fleetdashboard.simulator.entity.SettingsUpdate(null, null,
                null, null, null, null, null, false)), now());
        for (SimulatedPortainer server : servers) {
            server.counters().reset();
        }
        syncServers();
    }

    public synchronized void faults(List<FaultRule> rules) {
        faults = rules == null ? List.of() : List.copyOf(rules);
        servers.forEach(SimulatedPortainer::releaseHung);
        syncServers();
    }

    /** Sets a load spike on a container from now on; empty when no container matches. */
    public java.util.Optional<io.fleetdashboard.simulator.entity.Spike> spike(
            io.fleetdashboard.simulator.entity.SpikeRequest request) {
        return world.spike(request, now());
    }

    public List<FaultRule> currentFaults() {
        return faults;
    }

    /** Rebuilds the world with the changed settings; servers that still exist keep their ports. */
    public synchronized SimulatorSettings configure(SettingsUpdate update) {
        world = World.build(world.settings().with(update), now());
        syncServers();
        return world.settings();
    }

    /** Matches running servers to the settings and binds or unbinds them according to the down faults. */
    private void syncServers() {
        SimulatorSettings s = world.settings();
        while (servers.size() > s.servers()) {
            servers.remove(servers.size() - 1).unbind();
        }
        for (int i = servers.size() + 1; i <= s.servers(); i++) {
            servers.add(new SimulatedPortainer(World.serverName(i), i, s.basePort() > 0 ? s.basePort() + i - 1 : 0,
                    this));
        }
        for (SimulatedPortainer server : servers) {
            if (FaultPlan.down(faults, server.name())) {
                server.unbind();
            } else {
                try {
                    server.bind();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot bind " + server.name() + " on port " + server.port(), e);
                }
            }
        }
    }
}
