package io.fleetdashboard.insights.boundary;

import io.fleetdashboard.api.boundary.QueryParams;
import io.fleetdashboard.containers.entity.PostureFinding;
import io.fleetdashboard.insights.control.PostureScan;
import io.fleetdashboard.insights.control.Monitor;
import io.fleetdashboard.insights.entity.ContainerPosture;
import io.fleetdashboard.insights.entity.RoundReport;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Security posture of the fleet's running containers as far as the monitor has scanned them, with the worst
 * first, and summed per endpoint and per stack.
 */
@Path("v1/security/posture")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
public class SecurityPostureResource {

    /** Posture summed over a group of containers. */
    public record Group(String key, String name, int containers, int score, int critical, int warning) {
    }

    /** scanned of running (not excluded) containers have a posture; asOf is the last round's end. */
    public record Posture(Instant asOf, int scanned, int running, boolean simulated, List<ContainerPosture> containers,
                          List<Group> endpoints, List<Group> stacks) {
    }

    @Inject
    PostureScan scan;

    @Inject
    Monitor monitor;

    @GET
    @Operation(summary = "Containers with their posture findings (privileged, capabilities with or without CAP_ and "
            + "ALL, seccomp/AppArmor unconfined, docker.sock, root, host network/PID, 0.0.0.0 ports, no health check, "
            + "no restart policy, no memory limit, :latest), scored, worst first, and summed per endpoint and "
            + "stack; check= keeps containers with that finding (e.g. privileged); limit 1-5000")
    public Posture posture(@QueryParam("check") String check, @QueryParam("limit") String limit) {
        int size = QueryParams.intParam("limit", limit, 1000, 1, 5000);
        String wanted = QueryParams.absent(check) ? null : check.strip();
        List<ContainerPosture> all = scan.postures().stream()
                .sorted(Comparator.comparingInt((ContainerPosture p) -> p.score()).reversed()
                        .thenComparing(ContainerPosture::key)).toList();
        List<ContainerPosture> listed = all.stream()
                .filter(p -> wanted == null || p.findings().stream().anyMatch(f -> f.check().equals(wanted)))
                .limit(size).toList();
        RoundReport last = monitor.last().orElse(null);
        return new Posture(last == null ? null : last.finishedAt(), last == null ? 0 : last.postureKnown(),
                last == null ? 0 : last.postureRunning(), last != null && last.simulated(), listed,
                groups(all, ContainerPosture::endpointKey, ContainerPosture::endpointName),
                groups(all.stream().filter(p -> p.stack() != null && !p.stack().isBlank()).toList(),
                        p -> p.endpointKey() + ":" + p.stack(), ContainerPosture::stack));
    }

    static List<Group> groups(List<ContainerPosture> postures, Function<ContainerPosture, String> key,
                              Function<ContainerPosture, String> name) {
        Map<String, Group> groups = new TreeMap<>();
        for (ContainerPosture p : postures) {
            int critical = (int) p.findings().stream().filter(f -> f.severity() == PostureFinding.Severity.CRITICAL)
                    .count();
            int warning = (int) p.findings().stream().filter(f -> f.severity() == PostureFinding.Severity.WARNING)
                    .count();
            groups.merge(key.apply(p), new Group(key.apply(p), name.apply(p), 1, p.score(), critical, warning),
                    (a, b) -> new Group(a.key(), a.name(), a.containers() + 1, a.score() + b.score(),
                            a.critical() + b.critical(), a.warning() + b.warning()));
        }
        return groups.values().stream().sorted(Comparator.comparingInt(Group::score).reversed()).toList();
    }
}
