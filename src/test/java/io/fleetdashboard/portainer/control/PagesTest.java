package io.fleetdashboard.portainer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** A fake Portainer list: 1-based start, like endpoint_list.go. */
    private static final class FakeServer implements Pages.Source<Integer> {
        final List<Integer> items;
        final List<Integer> starts = new ArrayList<>();
        boolean ignoreLimit;
        boolean ignoreStart;
        boolean sendTotal = true;
        Integer totalOverride;

        FakeServer(int count) {
            items = IntStream.rangeClosed(1, count).boxed().toList();
        }

        @Override
        public Pages.Page<Integer> fetch(int start, int limit) {
            starts.add(start);
            int from = ignoreStart ? 0 : Math.max(0, start - 1);
            int to = ignoreLimit ? items.size() : Math.min(items.size(), from + limit);
            List<Integer> page = from >= items.size() ? List.of() : items.subList(from, to);
            Integer total = sendTotal ? (totalOverride != null ? totalOverride : items.size()) : null;
            return new Pages.Page<>(page, total);
        }
    }

    private static List<Integer> readAll(FakeServer server, int limit) {
        return Pages.readAll(limit, server, Function.identity());
    }

    @Test
    void readsEveryPageWithOneBasedStarts() {
        FakeServer server = new FakeServer(250);
        assertEquals(server.items, readAll(server, 100));
        assertEquals(List.of(1, 101, 201), server.starts);
    }

    @Test
    void exactMultipleNeedsNoExtraRequest() {
        FakeServer server = new FakeServer(200);
        assertEquals(200, readAll(server, 100).size());
        assertEquals(List.of(1, 101), server.starts);
    }

    @Test
    void emptyListIsOneRequest() {
        FakeServer server = new FakeServer(0);
        assertTrue(readAll(server, 100).isEmpty());
        assertEquals(List.of(1), server.starts);
    }

    @Test
    void serverIgnoringLimitIsReadOnce() {
        FakeServer server = new FakeServer(350);
        server.ignoreLimit = true;
        assertEquals(350, readAll(server, 100).size());
        assertEquals(1, server.starts.size());
    }

    @Test
    void serverIgnoringStartDoesNotLoop() {
        FakeServer server = new FakeServer(300);
        server.ignoreStart = true;
        assertEquals(server.items.subList(0, 100), readAll(server, 100));
        assertEquals(2, server.starts.size(), "the second page brought nothing new");
    }

    @Test
    void totalLargerThanItemsStopsOnShortPage() {
        FakeServer server = new FakeServer(150);
        server.totalOverride = 10_000;
        assertEquals(150, readAll(server, 100).size());
        assertEquals(2, server.starts.size());
    }

    @Test
    void missingTotalStopsOnShortPage() {
        FakeServer server = new FakeServer(230);
        server.sendTotal = false;
        assertEquals(230, readAll(server, 100).size());
        assertEquals(3, server.starts.size());
    }

    @Test
    void overlappingPagesAreDeduplicated() {
        Pages.Source<Integer> overlapping = (start, limit) -> {
            int from = Math.max(0, start - 2);
            return new Pages.Page<>(IntStream.range(from, Math.min(from + limit, 25)).boxed().toList(), 25);
        };
        List<Integer> all = Pages.readAll(10, overlapping, Function.identity());
        assertEquals(IntStream.range(0, 25).boxed().toList(), all);
    }

    @Test
    void totalCapsThePageCount() {
        int[] calls = {0};
        Pages.Source<Integer> endless = (start, limit) -> {
            calls[0]++;
            return new Pages.Page<>(IntStream.range(start, start + limit).boxed().toList(), 30);
        };
        assertEquals(30, Pages.readAll(10, endless, Function.identity()).size());
        assertEquals(3, calls[0]);
    }
}
