package io.fleetdashboard.fleet.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.fleet.entity.Attention.Kind;
import io.fleetdashboard.fleet.entity.Attention.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttentionRankingTest {

    private static final Instant AT = Instant.parse("2026-12-02T12:00:00Z");

    private static Attention item(Kind kind, String title) {
        return new Attention(Severity.WARNING, kind, title, "", title);
    }

    private static Attention crashLoop(String title, Integer restarts) {
        return new Attention(Severity.CRITICAL, Kind.CRASH_LOOP, title, "", title, restarts,
                restarts == null ? null : AT);
    }

    @Test
    void kindsAreListedWorstFirstWhateverTheOrderTheyArrivedIn() {
        List<Attention> arrived = List.of(item(Kind.OOM_KILLED, "oom"), item(Kind.EXITED_NON_ZERO, "exit"),
                crashLoop("loop", 3), item(Kind.UNHEALTHY, "sick"), item(Kind.ENDPOINT_OFFLINE, "off"),
                item(Kind.ENDPOINT_ERROR, "unreadable"), item(Kind.REFRESH_FAILED, "unreachable"));

        var ranked = AttentionRanking.rank(arrived, 5);

        assertEquals(List.of(Kind.REFRESH_FAILED, Kind.ENDPOINT_ERROR, Kind.ENDPOINT_OFFLINE, Kind.UNHEALTHY,
                Kind.CRASH_LOOP, Kind.EXITED_NON_ZERO, Kind.OOM_KILLED),
                ranked.kept().stream().map(Attention::kind).toList());
        assertEquals(List.copyOf(ranked.counts().keySet()), ranked.kept().stream().map(Attention::kind).toList(),
                "the counts are in the same order");
    }

    @Test
    void crashLoopsWithTheMostRestartsComeFirstAndThoseNotInspectedYetLast() {
        var ranked = AttentionRanking.rank(List.of(crashLoop("a-unknown", null), crashLoop("b-few", 2),
                crashLoop("c-many", 40), crashLoop("d-some", 7)), 5);

        assertEquals(List.of("c-many", "d-some", "b-few", "a-unknown"),
                ranked.kept().stream().map(Attention::title).toList());
    }

    @Test
    void everyKindKeepsItsFirstFewAndCountsThemAllSoAFloodHidesNothingElse() {
        List<Attention> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(item(Kind.ENDPOINT_OFFLINE, "endpoint-" + (100 + i)));
        }
        items.add(item(Kind.OOM_KILLED, "the one oom"));

        var ranked = AttentionRanking.rank(items, 5);

        assertEquals(Map.of(Kind.ENDPOINT_OFFLINE, 30, Kind.OOM_KILLED, 1), ranked.counts());
        assertEquals(6, ranked.kept().size());
        assertEquals(List.of("endpoint-100", "endpoint-101", "endpoint-102", "endpoint-103", "endpoint-104"),
                ranked.kept().subList(0, 5).stream().map(Attention::title).toList(), "by title within a kind");
        assertEquals("the one oom", ranked.kept().get(5).title());
    }
}
