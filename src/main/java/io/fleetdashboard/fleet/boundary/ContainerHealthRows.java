package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.HealthQuery;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Container health table, server-side: each page is one health query over the current snapshot (filters from
 * the view, sort from the table's column), so the browser never gets the whole fleet. The matching list is worked
 * out once per snapshot, query and sort, and shared by count and load.
 */
public class ContainerHealthRows extends LazyDataModel<HealthRow> {

    private static final long serialVersionUID = 1L;

    private final Snapshots snapshots;
    private final FleetQueries queries;
    private final Filters filters;
    private transient FleetSnapshot matchedIn;
    private transient HealthQuery matchedFor;
    private transient List<FleetContainer> matched;

    /** The view's current filters; serializable, as the view (and this model with it) lives in the session. */
    @FunctionalInterface
    public interface Filters extends Supplier<HealthQuery>, java.io.Serializable {
    }

    /** filters: the view's current filters (sort is the table's). */
    public ContainerHealthRows(Snapshots snapshots, FleetQueries queries, Filters filters) {
        this.snapshots = snapshots;
        this.queries = queries;
        this.filters = filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return 0; // load sets the row count
    }

    @Override
    public List<HealthRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                Map<String, FilterMeta> filterBy) {
        FleetSnapshot snapshot = snapshots.ifPresent().orElse(null);
        if (snapshot == null) {
            setRowCount(0);
            return List.of();
        }
        List<FleetContainer> all = matching(snapshot, query(sortBy));
        setRowCount(all.size());
        int from = Math.min(first, all.size());
        int to = Math.min(from + pageSize, all.size());
        return all.subList(from, to).stream().map(c -> HealthRow.of(c, snapshot.inspections())).toList();
    }

    private HealthQuery query(Map<String, SortMeta> sortBy) {
        HealthQuery query = filters.get();
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        if (sort == null || sort.getOrder() == SortOrder.UNSORTED) {
            return query;
        }
        try {
            HealthQuery.Sort field = HealthQuery.Sort.valueOf(sort.getField().toUpperCase(Locale.ROOT));
            return query.withSort(field, sort.getOrder() == SortOrder.DESCENDING);
        } catch (IllegalArgumentException unknownColumn) {
            return query;
        }
    }

    private List<FleetContainer> matching(FleetSnapshot snapshot, HealthQuery query) {
        if (snapshot != matchedIn || !query.equals(matchedFor)) {
            matched = queries.containerHealth(snapshot, query);
            matchedIn = snapshot;
            matchedFor = query;
        }
        return matched;
    }

    @Override
    public String getRowKey(HealthRow row) {
        return row.key();
    }

    @Override
    public HealthRow getRowData(String rowKey) {
        return null;
    }
}
