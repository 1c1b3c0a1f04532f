package io.fleetdashboard.ui;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * A lazy table over one of the fleet's typed queries: each request reads only its page, sorted by the column's
 * {@code sortBy} property (naming a sort field of the query, see {@link #field}). Filtering, sorting and counting happen
 * in the query (fleet/control); this class only translates PrimeFaces' paging and sort requests and turns the page's
 * items into the rows the Facelet binds.
 *
 * @param <T> what the query returns
 * @param <S> the query's sort fields
 * @param <R> the row the table shows (JavaBean getters)
 */
public class LazyRows<T, S extends Enum<S>, R> extends LazyDataModel<R> {

    private static final long serialVersionUID = 1L;

    /** The matching items in order for a sort field and direction. */
    @FunctionalInterface
    public interface Source<T, S> extends Serializable {
        List<T> rows(S sort, boolean descending);
    }

    /** One item as a table row. */
    @FunctionalInterface
    public interface Row<T, R> extends Serializable {
        R of(T item);
    }

    /** A row's key, for selection. */
    @FunctionalInterface
    public interface Key<R> extends Serializable {
        String of(R row);
    }

    private final Source<T, S> source;
    private final Class<S> sortFields;
    private final S defaultSort;
    private final boolean defaultDescending;
    private final Row<T, R> row;
    private final Key<R> key;

    public LazyRows(Source<T, S> source, Class<S> sortFields, S defaultSort, boolean defaultDescending,
                    Row<T, R> row, Key<R> key) {
        this.source = source;
        this.sortFields = sortFields;
        this.defaultSort = defaultSort;
        this.defaultDescending = defaultDescending;
        this.row = row;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return source.rows(defaultSort, defaultDescending).size();
    }

    @Override
    public List<R> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta meta = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        S sort = meta == null || meta.getOrder() == SortOrder.UNSORTED ? defaultSort : field(meta.getField());
        boolean descending = meta == null || meta.getOrder() == SortOrder.UNSORTED ? defaultDescending
                : meta.getOrder() == SortOrder.DESCENDING;
        List<T> matching = source.rows(sort, descending);
        setRowCount(matching.size());
        int from = Math.min(Math.max(0, first), matching.size());
        int to = Math.min(from + Math.max(0, pageSize), matching.size());
        return matching.subList(from, to).stream().map(row::of).toList();
    }

    /**
     * The sort field a column names: its property ("agentVersion") in upper case, or the longest sort field it
     * starts with (AGENT); the default for anything else.
     */
    S field(String name) {
        if (name == null) {
            return defaultSort;
        }
        String wanted = name.replaceAll("[^A-Za-z]", "").toUpperCase(Locale.ROOT);
        S best = null;
        for (S candidate : sortFields.getEnumConstants()) {
            if (candidate.name().equals(wanted)) {
                return candidate;
            }
            if (wanted.startsWith(candidate.name())
                    && (best == null || candidate.name().length() > best.name().length())) {
                best = candidate;
            }
        }
        return best == null ? defaultSort : best;
    }

    @Override
    public String getRowKey(R r) {
        return key.of(r);
    }

    @Override
    public R getRowData(String rowKey) {
        return null;
    }
}
