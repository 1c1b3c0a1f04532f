package io.fleetdashboard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

class LazyRowsTest {

    enum Sort { NAME, AGENT, CONTAINERS }

    private final List<String> items = List.of("b", "a", "c", "d");
    private final List<String> asked = new ArrayList<>();

    private final LazyRows<String, Sort, String> rows = new LazyRows<>((sort, desc) -> {
        asked.add(sort + (desc ? " desc" : " asc"));
        return items.stream().sorted(desc ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder())
                .toList();
    }, Sort.class, Sort.NAME, false, s -> s.toUpperCase(), s -> s);

    @Test
    void aPageIsReadFromTheQueryInItsOrder() {
        assertEquals(List.of("C", "D"), rows.load(2, 2, Map.of(), Map.of()));
        assertEquals(4, rows.getRowCount());
        assertEquals(List.of(), rows.load(8, 2, Map.of(), Map.of()), "past the end: an empty page");
        SortMeta desc = SortMeta.builder().field("containers").order(SortOrder.DESCENDING).build();
        assertEquals(List.of("D", "C"), rows.load(0, 2, Map.of("containers", desc), Map.of()));
        assertEquals("CONTAINERS desc", asked.get(asked.size() - 1));
        assertEquals(4, rows.count(Map.of()));
    }

    @Test
    void columnsNameTheirSortFieldByTheirProperty() {
        assertEquals(Sort.AGENT, rows.field("agentVersion"), "the longest sort field the property starts with");
        assertEquals(Sort.CONTAINERS, rows.field("containers"));
        assertEquals(Sort.NAME, rows.field("color"), "unknown: the default");
        assertEquals(Sort.NAME, rows.field(null));
    }
}
