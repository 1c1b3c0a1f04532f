package io.fleetdashboard.simulator.entity;

import java.util.List;
import java.util.Map;

/**
 * A simulated container: immutable description derived from the seed, plus a {@link ContainerRuntime} that user
 * actions replace. Kept compact (a few hundred bytes) so 50,000 of them fit easily; JSON is generated per request.
 */
public final class SimContainer {

    public final String id;
    public final String name;
    public final String project;      // null: not a compose container
    public final String service;
    public final int number;
    public final SimImage image;
    public final String command;
    public final int[] ports;         // private ports; published ones get a public port
    public final int publicPortBase;  // 0: not published
    public final boolean tty;
    public final boolean healthcheck;
    public final boolean privileged;
    public final List<String> capAdd;
    public final String restartPolicy;
    public final long memoryLimit;    // 0: unlimited
    public final long nanoCpus;
    public final String network;
    public final int ipSuffix;
    public final String volume;       // named volume or null
    public final boolean bindMount;
    public final long created;        // epoch millis
    public final long randomBits;     // per-container seed for stats and logs
    public final double cpuCores;     // average cores used while running
    public final long memoryBase;
    public final int logPeriodSeconds;
    public final int churnKind;       // 0 none, 1 crash loop, 2 health flips, 3 periodic restarts
    public final ContainerRuntime initial;
    /** Labels beyond the compose and image ones (the unusual containers' hostile texts); never null. */
    public final Map<String, String> extraLabels;
    private volatile ContainerRuntime runtime;

    public SimContainer(String id, String name, String project, String service, int number, SimImage image,
            String command, int[] ports, int publicPortBase, boolean tty, boolean healthcheck, boolean privileged,
            List<String> capAdd, String restartPolicy, long memoryLimit, long nanoCpus, String network, int ipSuffix,
            String volume, boolean bindMount, long created, long randomBits, double cpuCores, long memoryBase,
            int logPeriodSeconds, int churnKind, ContainerRuntime initial) {
        this(id, name, project, service, number, image, command, ports, publicPortBase, tty, healthcheck, privileged,
                capAdd, restartPolicy, memoryLimit, nanoCpus, network, ipSuffix, volume, bindMount, created,
                randomBits, cpuCores, memoryBase, logPeriodSeconds, churnKind, initial, Map.of());
    }

    private SimContainer(String id, String name, String project, String service, int number, SimImage image,
            String command, int[] ports, int publicPortBase, boolean tty, boolean healthcheck, boolean privileged,
            List<String> capAdd, String restartPolicy, long memoryLimit, long nanoCpus, String network, int ipSuffix,
            String volume, boolean bindMount, long created, long randomBits, double cpuCores, long memoryBase,
            int logPeriodSeconds, int churnKind, ContainerRuntime initial, Map<String, String> extraLabels) {
        this.extraLabels = Map.copyOf(extraLabels);
        this.id = id;
        this.name = name;
        this.project = project;
        this.service = service;
        this.number = number;
        this.image = image;
        this.command = command;
        this.ports = ports;
        this.publicPortBase = publicPortBase;
        this.tty = tty;
        this.healthcheck = healthcheck;
        this.privileged = privileged;
        this.capAdd = capAdd;
        this.restartPolicy = restartPolicy;
        this.memoryLimit = memoryLimit;
        this.nanoCpus = nanoCpus;
        this.network = network;
        this.ipSuffix = ipSuffix;
        this.volume = volume;
        this.bindMount = bindMount;
        this.created = created;
        this.randomBits = randomBits;
        this.cpuCores = cpuCores;
        this.memoryBase = memoryBase;
        this.logPeriodSeconds = logPeriodSeconds;
        this.churnKind = churnKind;
        this.initial = initial;
        this.runtime = initial;
    }

    /** The same container under another name, with extra labels (before it was started: same runtime). */
    public SimContainer renamed(String newName, Map<String, String> labels) {
        return new SimContainer(id, newName, project, service, number, image, command, ports, publicPortBase, tty,
                healthcheck, privileged, capAdd, restartPolicy, memoryLimit, nanoCpus, network, ipSuffix, volume,
                bindMount, created, randomBits, cpuCores, memoryBase, logPeriodSeconds, churnKind, initial, labels);
    }

    /**
     * The same container as a hostile one: another name, compose project (null: none), network, image and extra
     * labels; running steadily (no churn), so every page and export shows it.
     */
    public SimContainer hostile(String newName, String newProject, String newNetwork, SimImage newImage,
            Map<String, String> labels, ContainerRuntime running) {
        return new SimContainer(id, newName, newProject, newProject == null ? null : "app", 1, newImage, command,
                ports, publicPortBase, false, healthcheck, privileged, capAdd, restartPolicy, memoryLimit, nanoCpus,
                newNetwork, ipSuffix, null, bindMount, created, randomBits, cpuCores, memoryBase, 2, 0, running,
                labels);
    }

    /**
     * The same container under another name, privileged with these added capabilities, running steadily from
     * {@code running} (no churn): the posture tests' fixed subject.
     */
    public SimContainer privileged(String newName, List<String> capabilities, ContainerRuntime running) {
        return new SimContainer(id, newName, null, null, 1, image, command, ports, publicPortBase, tty, healthcheck,
                true, List.copyOf(capabilities), restartPolicy, memoryLimit, nanoCpus, "bridge", ipSuffix, null,
                bindMount, created, randomBits, cpuCores, memoryBase, logPeriodSeconds, 0, running, extraLabels);
    }

    public ContainerRuntime runtime() {
        return runtime;
    }

    public void runtime(ContainerRuntime next) {
        this.runtime = next;
    }
}
