package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.ContainerQuery;
import io.fleetdashboard.fleet.control.FleetQueries;
import io.fleetdashboard.fleet.control.Listing;
import io.fleetdashboard.fleet.control.Snapshots;
import io.fleetdashboard.fleet.entity.FleetContainer;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy table of containers: each page is one {@link ContainerQuery} over the current snapshot, run by
 * {@link FleetQueries} (filtering, sorting and paging live there); the browser only ever gets one page. A column's
 * {@code field} names its {@link ContainerQuery.Sort} ("name", "state", "created", ...).
 */
public class ContainerRows extends LazyDataModel<FleetContainer> {

    private static final long serialVersionUID = 1L;

    private final FleetQueries queries;
    private final Snapshots snapshots;
    private ContainerQuery query = ContainerQuery.ALL;

    /** The matches between the count and the page of one request, so they filter the snapshot once. */
    private transient FleetSnapshot matchedIn;
    private transient ContainerQuery matchedFor;
    private transient List<FleetContainer> matching;

    public ContainerRows(FleetQueries queries, Snapshots snapshots) {
        this.queries = queries;
        this.snapshots = snapshots;
    }

    /** The filters (and default order) of the rows from now on; the table's own sort overrides the order. */
    public void filter(ContainerQuery query) {
        this.query = query;
    }

    /** The filters and the order the table shows now (the CSV export takes the same). */
    public ContainerQuery query() {
        return query;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return matching().size();
    }

    @Override
    public List<FleetContainer> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                     Map<String, FilterMeta> filterBy) {
        sort(sortBy);
        List<FleetContainer> rows = matching();
        setRowCount(rows.size());
        List<FleetContainer> page = List.copyOf(Listing.page(rows, first, pageSize).items());
        matching = null; // the view keeps one page, not every match, between requests
        return page;
    }

    /** The table's sort (one column) becomes the query's order; none keeps the order the query has. */
    public void sort(Map<String, SortMeta> sortBy) {
        if (sortBy == null) {
            return;
        }
        sortBy.values().stream().filter(SortMeta::isActive).findFirst().ifPresent(sort ->
                query = query.withSort(sortField(sort.getField()), sort.getOrder() == SortOrder.DESCENDING));
    }

    static ContainerQuery.Sort sortField(String field) {
        try {
            return field == null ? ContainerQuery.Sort.NAME
                    : ContainerQuery.Sort.valueOf(field.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return ContainerQuery.Sort.NAME;
        }
    }

    private List<FleetContainer> matching() {
        FleetSnapshot snapshot = snapshots.ifPresent().orElse(null);
        if (snapshot == null) {
            return List.of();
        }
        if (snapshot != matchedIn || !query.equals(matchedFor) || matching == null) {
            matching = queries.containers(snapshot, query);
            matchedIn = snapshot;
            matchedFor = query;
        }
        return matching;
    }

    @Override
    public String getRowKey(FleetContainer container) {
        return container.key();
    }

    @Override
    public FleetContainer getRowData(String rowKey) {
        for (FleetContainer c : matching()) {
            if (c.key().equals(rowKey)) {
                return c;
            }
        }
        return null;
    }
}
