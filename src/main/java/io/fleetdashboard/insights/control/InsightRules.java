package io.fleetdashboard.insights.control;

import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.fleet.entity.ContainerTrouble;
import io.fleetdashboard.fleet.entity.EnvironmentState;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetEndpoint;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.insights.entity.Condition;
import io.fleetdashboard.insights.entity.ContainerPosture;
import io.fleetdashboard.insights.entity.InsightCategory;
import io.fleetdashboard.insights.entity.InsightSeverity;
import io.fleetdashboard.insights.entity.ModelAnalysis;
import io.fleetdashboard.insights.entity.ModelFinding;
import io.fleetdashboard.insights.entity.StackImageCheck;
import io.fleetdashboard.metrics.entity.Anomaly;
import io.fleetdashboard.metrics.entity.Sample;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import io.fleetdashboard.portainer.entity.ImageFreshness;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules of a monitoring round: from the fleet snapshot (environments, endpoints, containers and what inspect
 * said about those in trouble, see fleet's ContainerTrouble), the security postures scanned so far and the metrics
 * store's recent anomalies and samples, the conditions that hold now. Pure: the same input gives the same
 * conditions with the same keys, so the store can tell a lasting condition from a new one.
 */
public final class InsightRules {

    /** Kinds, as the API names them. */
    public static final String ENVIRONMENT_UNREACHABLE = "environment_unreachable";
    public static final String ENDPOINT_UNREADABLE = "endpoint_unreadable";
    public static final String ENDPOINT_OFFLINE = "endpoint_offline";
    public static final String UNHEALTHY = "unhealthy";
    public static final String CRASH_LOOP = "crash_loop";
    public static final String OOM_KILLED = "oom_killed";
    public static final String EXITED_NON_ZERO = "exited_non_zero";
    public static final String METRIC_ANOMALY = "metric_anomaly";
    public static final String MEMORY_SATURATION = "memory_saturation";
    public static final String POSTURE_CRITICAL = "posture_critical";
    public static final String OUTDATED_IMAGES = "outdated_images";
    /** A language model's finding about a round (RoundAnalyst): alerted only where a channel names it, never remedied. */
    public static final String MODEL_FINDING = "model_finding";

    /** Thresholds of the saturation rule: memory use of the limit in percent. */
    public record Thresholds(double memoryWarningPercent, double memoryCriticalPercent) {
        public static final Thresholds DEFAULT = new Thresholds(90, 97);
    }

    private InsightRules() {
    }

    public static List<Condition> of(FleetSnapshot snapshot, Collection<ContainerPosture> postures,
                                     List<Anomaly> anomalies, List<Sample> latestSamples, Exclusions exclusions,
                                     Thresholds thresholds) {
        List<Condition> out = new ArrayList<>();
        for (EnvironmentState env : snapshot.environments()) {
            if (env.error() != null) {
                out.add(new Condition(ENVIRONMENT_UNREACHABLE + ":" + env.name(), ENVIRONMENT_UNREACHABLE,
                        InsightSeverity.CRITICAL, InsightCategory.AVAILABILITY,
                        env.displayName() + " is unreachable",
                        env.error().message() + (env.lastSuccessAt() == null ? "; never read yet"
                                : "; its data is from " + env.lastSuccessAt()),
                        List.of(env.name()), "Check the Portainer server's address, API key and network path "
                        + "(Settings > Environments).", null));
            }
        }
        Set<String> excludedEndpoints = new HashSet<>();
        for (FleetEndpoint e : snapshot.endpoints()) {
            String name = e.endpoint().name();
            if (exclusions.endpoint(name)) {
                excludedEndpoints.add(e.key());
                continue;
            }
            if (!e.endpoint().online()) {
                out.add(new Condition(ENDPOINT_OFFLINE + ":" + e.key(), ENDPOINT_OFFLINE, InsightSeverity.CRITICAL,
                        InsightCategory.AVAILABILITY, name + " is offline",
                        (e.endpoint().type().edge() ? "Edge agent" : "Endpoint") + " in " + e.environment()
                                + (e.endpoint().lastCheckIn() == null ? ""
                                : ", last checked in at " + e.endpoint().lastCheckIn())
                                + "; its " + e.containers() + " containers are not current",
                        List.of(e.key()), "Check the host and its agent; Portainer shows it down.", null));
            } else if (e.error() != null) {
                out.add(new Condition(ENDPOINT_UNREADABLE + ":" + e.key(), ENDPOINT_UNREADABLE,
                        InsightSeverity.WARNING, InsightCategory.AVAILABILITY, name + " could not be read",
                        e.error().message(), List.of(e.key()),
                        "Check the endpoint's Docker through Portainer; the last known containers are shown.", null));
            }
        }
        Map<String, FleetContainer> byKey = new HashMap<>();
        for (FleetContainer fc : snapshot.containers()) {
            byKey.put(fc.key(), fc);
            if (excluded(fc, excludedEndpoints, exclusions)) {
                continue;
            }
            containerConditions(fc, snapshot.inspections().get(fc.key()), out);
        }
        Set<String> anomalous = new HashSet<>();
        for (Anomaly a : anomalies) {
            FleetContainer fc = byKey.get(a.containerKey());
            if (fc == null || excluded(fc, excludedEndpoints, exclusions)
                    || !anomalous.add(a.containerKey() + ":" + a.metric().apiName())) {
                continue; // gone, excluded, or an older anomaly of the same metric (newest first)
            }
            out.add(new Condition(METRIC_ANOMALY + ":" + a.containerKey() + ":" + a.metric().apiName(),
                    METRIC_ANOMALY, a.severity() == io.fleetdashboard.metrics.entity.Severity.CRITICAL
                    ? InsightSeverity.CRITICAL : InsightSeverity.WARNING, InsightCategory.RESOURCE,
                    fc.container().name() + ": unusual " + a.metric().apiName().replace('_', ' '),
                    String.format(Locale.ROOT, "%.1f against a usual %.1f (z-score %.1f, %s) at %s on %s",
                            a.value(), a.expected(), a.score(), a.direction().name().toLowerCase(Locale.ROOT),
                            a.at(), fc.endpointName()),
                    List.of(a.containerKey()), "Compare with its metrics history and logs around that time.",
                    round(a.value())));
        }
        for (Sample s : latestSamples) {
            FleetContainer fc = byKey.get(s.containerKey());
            if (fc == null || s.memoryPercent() == null || s.memoryLimit() == null || s.memoryLimit() <= 0
                    || excluded(fc, excludedEndpoints, exclusions)
                    || s.memoryPercent() < thresholds.memoryWarningPercent()) {
                continue;
            }
            boolean critical = s.memoryPercent() >= thresholds.memoryCriticalPercent();
            out.add(new Condition(MEMORY_SATURATION + ":" + s.containerKey(), MEMORY_SATURATION,
                    critical ? InsightSeverity.CRITICAL : InsightSeverity.WARNING, InsightCategory.RESOURCE,
                    fc.container().name() + " is near its memory limit",
                    String.format(Locale.ROOT, "%.0f %% of its %d MiB limit at %s on %s", s.memoryPercent(),
                            s.memoryLimit() >> 20, s.at(), fc.endpointName()),
                    List.of(s.containerKey()), "Raise its memory limit or find what grows; the OOM killer is next.",
                    round(s.memoryPercent())));
        }
        for (ContainerPosture p : postures) {
            FleetContainer fc = byKey.get(p.key());
            if (fc == null || !p.critical() || excluded(fc, excludedEndpoints, exclusions)) {
                continue;
            }
            List<PostureFinding> critical = p.findings().stream()
                    .filter(f -> f.severity() == PostureFinding.Severity.CRITICAL).toList();
            out.add(new Condition(POSTURE_CRITICAL + ":" + p.key(), POSTURE_CRITICAL, InsightSeverity.CRITICAL,
                    InsightCategory.SECURITY, p.name() + " can take over its host: "
                    + critical.stream().map(PostureFinding::title).collect(Collectors.joining(", ")),
                    critical.stream().map(PostureFinding::detail).collect(Collectors.joining(" ")) + " (score "
                            + p.score() + ", on " + p.endpointName() + ")",
                    List.of(p.key()), "Drop privileged mode, added capabilities and the Docker socket unless the "
                    + "container's job needs them (Container details lists every finding).", (double) p.score()));
        }
        return out;
    }

    /**
     * One informational condition per managed stack whose images Portainer says are outdated. A stack whose server
     * cannot tell (unsupported, failed, still checking) has no condition: not knowing is not being outdated.
     */
    public static List<Condition> outdatedImages(Collection<StackImageCheck> checks, Exclusions exclusions) {
        List<Condition> out = new ArrayList<>();
        for (StackImageCheck check : checks) {
            if (check.freshness() != ImageFreshness.OUTDATED
                    || exclusions.stack(check.endpointName(), check.stackName())) {
                continue;
            }
            String message = check.message() == null || check.message().isBlank() ? "" : ": " + check.message();
            out.add(new Condition(OUTDATED_IMAGES + ":" + check.stackKey(), OUTDATED_IMAGES, InsightSeverity.INFO,
                    InsightCategory.IMAGE, "Outdated images in stack " + check.stackName(),
                    "Portainer found newer images in the registry for " + check.stackName() + " on "
                            + check.endpointName() + message + " (checked " + check.checkedAt() + ")",
                    List.of(check.stackKey()), "Pull the new images and redeploy the stack (in Portainer: the stack's "
                    + "editor, Update the stack with Re-pull image), after reading what changed.", null));
        }
        return out;
    }

    /**
     * The model's findings as conditions, one per (first resource, category): the same finding in the next round
     * updates the same insight, one the model no longer names resolves. Marked as the model's in title and detail.
     */
    public static List<Condition> modelFindings(ModelAnalysis analysis) {
        Map<String, Condition> byKey = new java.util.LinkedHashMap<>();
        for (ModelFinding f : analysis.findings()) {
            String key = MODEL_FINDING + ":" + f.resources().get(0) + ":" + f.category().apiName();
            byKey.putIfAbsent(key, new Condition(key, MODEL_FINDING, f.severity(), f.category(), "Model: " + f.title(),
                    (f.description().isEmpty() ? "" : f.description() + " ") + "(suggested by the language model "
                            + analysis.model() + (analysis.simulated() ? ", simulated" : "") + "; check it against "
                            + "the other insights)", f.resources(), f.recommendedAction().isEmpty()
                    ? "Check what the model says against the resource's details." : f.recommendedAction(), null));
        }
        return List.copyOf(byKey.values());
    }

    private static void containerConditions(FleetContainer fc, InspectionFacts facts, List<Condition> out) {
        var c = fc.container();
        List<String> resources = List.of(fc.key());
        ContainerTrouble trouble = ContainerTrouble.of(c, facts);
        if (trouble == ContainerTrouble.CRASH_LOOP) {
            out.add(new Condition(CRASH_LOOP + ":" + fc.key(), CRASH_LOOP, InsightSeverity.CRITICAL,
                    InsightCategory.AVAILABILITY, c.name() + " is crash-looping",
                    (facts == null ? "restart count not inspected yet"
                            : "restarted " + facts.restartCount() + " times (inspected " + facts.inspectedAt() + ")")
                            + " · " + c.status() + " on " + fc.endpointName(), resources,
                    "Read its logs for the cause of the exits; restart it once fixed, or stop it.",
                    facts == null ? null : (double) facts.restartCount()));
        } else if (trouble == ContainerTrouble.OOM_KILLED) {
            out.add(new Condition(OOM_KILLED + ":" + fc.key(), OOM_KILLED, InsightSeverity.CRITICAL,
                    InsightCategory.RESOURCE, c.name() + " was killed for running out of memory",
                    "OOMKilled · " + c.status() + " on " + fc.endpointName(), resources,
                    "Raise its memory limit or fix what grows, then start it.", null));
        } else if (trouble == ContainerTrouble.EXITED_WITH_ERROR) {
            Integer code = ContainerTrouble.exitCode(c, facts);
            out.add(new Condition(EXITED_NON_ZERO + ":" + fc.key(), EXITED_NON_ZERO, InsightSeverity.WARNING,
                    InsightCategory.AVAILABILITY, c.name() + " exited with "
                    + (code == null ? "an unknown exit code" : "code " + code),
                    c.status() + " on " + fc.endpointName(), resources,
                    "Read its last logs; start it again once the cause is fixed.",
                    code == null ? null : (double) code));
        }
        if (c.health() == ContainerHealth.UNHEALTHY) {
            out.add(new Condition(UNHEALTHY + ":" + fc.key(), UNHEALTHY, InsightSeverity.WARNING,
                    InsightCategory.AVAILABILITY, c.name() + " is unhealthy", c.status() + " on " + fc.endpointName(),
                    resources, "Look at its health check's last output (Container details); restart it if it "
                    + "does not recover.", null));
        }
    }

    private static boolean excluded(FleetContainer fc, Set<String> excludedEndpoints, Exclusions exclusions) {
        return excludedEndpoints.contains(fc.endpointKey())
                || exclusions.container(fc.endpointName(), fc.container().composeProject(), fc.container().name());
    }

    private static Double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
