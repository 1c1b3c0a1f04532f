package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.ContainerTrouble;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.InspectionFacts;
import io.fleetdashboard.portainer.entity.ContainerHealth;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;

/**
 * Which containers the Container health table (and its JSON twin and CSV) lists, in which order: the container
 * filters (search, environment, endpoint, health, ...) plus what is wrong with them ({@link ContainerTrouble},
 * which needs the snapshot's facts from inspect).
 *
 * @param trouble     only containers with this trouble; null: any container
 * @param troubleOnly only containers with some trouble (any kind), or an unhealthy health check
 */
public record HealthQuery(ContainerQuery containers, ContainerTrouble trouble, boolean troubleOnly, Sort sort,
                          boolean descending) implements Serializable {

    /** Every container, worst first. */
    public static final HealthQuery ALL = new HealthQuery(ContainerQuery.ALL, null, false, Sort.WORST, false);

    public HealthQuery {
        containers = containers == null ? ContainerQuery.ALL : containers;
        sort = sort == null ? Sort.WORST : sort;
    }

    public HealthQuery withSort(Sort by, boolean desc) {
        return new HealthQuery(containers, trouble, troubleOnly, by, desc);
    }

    public boolean matches(FleetContainer fc, Map<String, InspectionFacts> facts) {
        if (!containers.matches(fc)) {
            return false;
        }
        if (trouble == null && !troubleOnly) {
            return true;
        }
        ContainerTrouble actual = ContainerTrouble.of(fc.container(), facts.get(fc.key()));
        if (trouble != null) {
            return actual == trouble;
        }
        return actual != null || fc.container().health() == ContainerHealth.UNHEALTHY;
    }

    public Comparator<FleetContainer> comparator(Map<String, InspectionFacts> facts) {
        Comparator<FleetContainer> order = switch (sort) {
            case WORST -> Comparator.comparingInt(fc -> rank(fc, facts));
            case RESTARTS -> Comparator.comparing((FleetContainer fc) -> restarts(fc, facts),
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed();
            case NAME -> ContainerQuery.Sort.NAME.order();
            case ENVIRONMENT -> ContainerQuery.Sort.ENVIRONMENT.order();
            case ENDPOINT -> ContainerQuery.Sort.ENDPOINT.order();
            case STATE -> ContainerQuery.Sort.STATE.order();
            case STATUS -> ContainerQuery.Sort.STATUS.order();
            case HEALTH -> Comparator.comparingInt(fc -> healthRank(fc.container().health()));
        };
        order = order.thenComparing(ContainerQuery.Sort.NAME.order());
        return descending ? order.reversed() : order;
    }

    /** Docker's restart count from inspect, null while not inspected. */
    public static Integer restarts(FleetContainer fc, Map<String, InspectionFacts> facts) {
        return ContainerQuery.restarts(fc, facts);
    }

    /** Worst first: the attention list's order (unhealthy, crash loop, exited, OOM-killed), then starting. */
    static int rank(FleetContainer fc, Map<String, InspectionFacts> facts) {
        if (fc.container().health() == ContainerHealth.UNHEALTHY) {
            return 0;
        }
        ContainerTrouble trouble = ContainerTrouble.of(fc.container(), facts.get(fc.key()));
        if (trouble != null) {
            return 1 + trouble.ordinal();
        }
        return 1 + ContainerTrouble.values().length + healthRank(fc.container().health());
    }

    private static int healthRank(ContainerHealth health) {
        return switch (health) {
            case UNHEALTHY -> 0;
            case STARTING -> 1;
            case HEALTHY -> 2;
            case NONE -> 3;
        };
    }

    /** Sort fields; the API spells them in lower case. Ties by name, then key, so pages are stable. */
    public enum Sort { WORST, RESTARTS, NAME, ENVIRONMENT, ENDPOINT, STATE, STATUS, HEALTH }
}
