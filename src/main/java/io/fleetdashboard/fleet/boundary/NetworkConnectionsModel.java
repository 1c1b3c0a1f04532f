package io.fleetdashboard.fleet.boundary;

import io.fleetdashboard.fleet.control.NetworkConnections;
import io.fleetdashboard.fleet.control.NetworkQuery;
import io.fleetdashboard.fleet.entity.FleetSnapshot;
import io.fleetdashboard.fleet.entity.NetworkConnection;
import io.fleetdashboard.fleet.entity.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Networks page's connections table: each page is one {@link NetworkQuery} over the snapshot, so the browser
 * never receives more than the rows it shows. The filters come from the view; the column sort from the table.
 */
public class NetworkConnectionsModel extends LazyDataModel<NetworkConnection> {

    private static final long serialVersionUID = 1L;

    private final transient NetworkConnections connections;
    private final transient Supplier<FleetSnapshot> snapshot;
    private final transient Supplier<NetworkQuery> filters;
    private transient Page<NetworkConnection> lastPage;

    NetworkConnectionsModel(NetworkConnections connections, Supplier<FleetSnapshot> snapshot,
                            Supplier<NetworkQuery> filters) {
        this.connections = connections;
        this.snapshot = snapshot;
        this.filters = filters;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return connections.matching(snapshot.get(), filters.get()).size();
    }

    @Override
    public List<NetworkConnection> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                        Map<String, FilterMeta> filterBy) {
        NetworkQuery query = filters.get();
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        if (sort != null && sort.getOrder() != SortOrder.UNSORTED) {
            query = query.withSort(sortField(sort.getField()), sort.getOrder() == SortOrder.DESCENDING);
        }
        lastPage = connections.page(snapshot.get(), query, first, pageSize);
        setRowCount(lastPage.total());
        return lastPage.items();
    }

    private static NetworkQuery.Sort sortField(String field) {
        try {
            return NetworkQuery.Sort.valueOf(field.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return NetworkQuery.Sort.ENDPOINT;
        }
    }

    @Override
    public String getRowKey(NetworkConnection row) {
        return row.containerKey() + "|" + row.network();
    }

    @Override
    public NetworkConnection getRowData(String rowKey) {
        if (lastPage == null) {
            return null;
        }
        return lastPage.items().stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }
}
