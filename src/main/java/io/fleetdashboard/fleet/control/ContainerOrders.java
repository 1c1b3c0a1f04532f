package io.fleetdashboard.fleet.control;

import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One snapshot's containers in each sort order, each sorted once, on first use, and kept while that snapshot is
 * current: a page of 25 rows then costs one filtering pass over the fleet instead of a sort of it. A descending
 * order is the ascending one read backwards (ties are broken by name and key, so that is exactly the reversed
 * comparator's order).
 */
final class ContainerOrders {

    private final FleetSnapshot snapshot;
    private final Map<ContainerQuery.Sort, List<FleetContainer>> ascending = new ConcurrentHashMap<>();
    private final AtomicReference<List<FleetContainer>> restartsAscending = new AtomicReference<>();
    private final AtomicReference<List<FleetContainer>> restartsDescending = new AtomicReference<>();

    ContainerOrders(FleetSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    boolean of(FleetSnapshot other) {
        return snapshot == other;
    }

    List<FleetContainer> in(ContainerQuery.Sort sort, boolean descending) {
        if (sort == ContainerQuery.Sort.RESTARTS) {
            // containers never inspected come last either way: not the reverse of each other
            return (descending ? restartsDescending : restartsAscending).updateAndGet(known -> known != null ? known
                    : snapshot.containers().stream().sorted(ContainerQuery.ALL.withSort(sort, descending)
                            .comparator(snapshot.inspections())).toList());
        }
        List<FleetContainer> sorted = ascending.computeIfAbsent(sort,
                s -> snapshot.containers().stream().sorted(s.order()).toList());
        return descending ? new Backwards(sorted) : sorted;
    }

    /** A list read from its end. */
    private static final class Backwards extends AbstractList<FleetContainer> implements RandomAccess {
        private final List<FleetContainer> list;

        Backwards(List<FleetContainer> list) {
            this.list = list;
        }

        @Override
        public FleetContainer get(int index) {
            return list.get(list.size() - 1 - index);
        }

        @Override
        public int size() {
            return list.size();
        }
    }
}
