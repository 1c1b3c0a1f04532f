package io.fleetdashboard.simulator.control;

import io.fleetdashboard.simulator.entity.Counters;
import io.fleetdashboard.simulator.entity.FaultRule;
import io.fleetdashboard.simulator.entity.SettingsUpdate;
import io.fleetdashboard.simulator.entity.SimulatedServer;
import io.fleetdashboard.simulator.entity.SimulatorSettings;
import io.fleetdashboard.simulator.entity.Truth;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The built-in Portainer simulator: N simulated Portainer CE 2.23 servers on loopback ports, started by the demo
 * component at start-up when it is wanted, stopped with the application. The demo component registers
 * {@link #servers()} as environments, which then reach them like real Portainer servers.
 */
@ApplicationScoped
public class PortainerSimulator {

    private static final Logger LOG = Logger.getLogger(PortainerSimulator.class.getName());

    @Inject
    @ConfigProperty(name = "simulator.servers", defaultValue = "2")
    int servers;

    @Inject
    @ConfigProperty(name = "simulator.endpoints", defaultValue = "25")
    int endpoints;

    @Inject
    @ConfigProperty(name = "simulator.containers", defaultValue = "12")
    int containers;

    @Inject
    @ConfigProperty(name = "simulator.latency.ms", defaultValue = "20")
    long latencyMs;

    @Inject
    @ConfigProperty(name = "simulator.jitter.ms", defaultValue = "5")
    long jitterMs;

    @Inject
    @ConfigProperty(name = "simulator.churn", defaultValue = "true")
    boolean churn;

    @Inject
    @ConfigProperty(name = "simulator.seed", defaultValue = "42")
    long seed;

    @Inject
    @ConfigProperty(name = "simulator.base.port", defaultValue = "0")
    int basePort;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private volatile Simulation simulation;
    private volatile boolean stopped;

    public synchronized void start() {
        if (simulation != null || stopped) {
            return;
        }
        Simulation created = new Simulation(new SimulatorSettings(servers, endpoints, containers, latencyMs, jitterMs,
                churn, seed, basePort), executor, scheduler, System::currentTimeMillis);
        created.start();
        simulation = created;
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (simulation != null) {
            simulation.stop();
            simulation = null;
            LOG.info("Portainer simulator stopped");
        }
    }

    public boolean running() {
        return simulation != null;
    }

    /** The Elasticsearch stand-in's search URL and API key (empty when the simulator does not run). */
    public Optional<SimulatedServer> elasticsearch() {
        Simulation s = simulation;
        return s == null ? Optional.empty() : s.elasticsearch();
    }

    /** The LLM stand-in's chat-completions URL and token (empty when the simulator does not run). */
    public Optional<SimulatedServer> llm() {
        Simulation s = simulation;
        return s == null ? Optional.empty() : s.llm();
    }

    /** The request bodies the LLM stand-in received (its last 50), for tests. */
    public List<String> llmReceived() {
        Simulation s = simulation;
        return s == null ? List.of() : s.llmReceived();
    }

    /** The webhook sink's records below that path (null: all) and base URL; empty when the simulator does not run. */
    public Optional<io.fleetdashboard.simulator.entity.SinkReport<io.fleetdashboard.simulator.entity.ReceivedWebhook>>
            webhooks(String pathPrefix) {
        Simulation s = simulation;
        return s == null ? Optional.empty() : s.webhooks(pathPrefix);
    }

    /** The SMTP sink's messages for that recipient (null: all) and address; empty when the simulator does not run. */
    public Optional<io.fleetdashboard.simulator.entity.SinkReport<io.fleetdashboard.simulator.entity.ReceivedMail>>
            mails(String recipient) {
        Simulation s = simulation;
        return s == null ? Optional.empty() : s.mails(recipient);
    }

    /** The simulated servers (empty when the simulator does not run). */
    public List<SimulatedServer> servers() {
        Simulation s = simulation;
        return s == null ? List.of() : s.servers();
    }

    public Optional<Truth> truth() {
        return Optional.ofNullable(simulation).map(Simulation::truth);
    }

    public Optional<Counters> counters() {
        return Optional.ofNullable(simulation).map(Simulation::counters);
    }

    /** A load spike on one container (see {@link io.fleetdashboard.simulator.entity.Spike}). */
    public Optional<io.fleetdashboard.simulator.entity.Spike> spike(io.fleetdashboard.simulator.entity.SpikeRequest request) {
        Simulation s = simulation;
        return s == null ? Optional.empty() : s.spike(request);
    }

    public Optional<List<FaultRule>> faults() {
        return Optional.ofNullable(simulation).map(Simulation::currentFaults);
    }

    public boolean reset() {
        Simulation s = simulation;
        if (s != null) {
            s.reset();
        }
        return s != null;
    }

    public boolean faults(List<FaultRule> rules) {
        Simulation s = simulation;
        if (s != null) {
            s.faults(rules);
        }
        return s != null;
    }

    public Optional<SimulatorSettings> configure(SettingsUpdate update) {
        return Optional.ofNullable(simulation).map(s -> s.configure(update));
    }
}
