package io.fleetdashboard.fleet.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the attention items of a snapshot, worst first: by kind (see {@link Attention.Kind}), within a kind the
 * crash loops with the most restarts first (those not inspected yet after them), then by title. Keeps the first
 * {@code perKind} of every kind and counts them all, so a flood of one kind never hides another.
 */
public final class AttentionRanking {

    static final Comparator<Attention> WORST_FIRST = Comparator.comparing(Attention::kind)
            .thenComparing(Attention::restartCount, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Attention::title, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))
            .thenComparing(Attention::subject, Comparator.nullsLast(Comparator.naturalOrder()));

    private AttentionRanking() {
    }

    /** The kept items, worst first, and the count of every kind present (in kind order). */
    public record Ranked(List<Attention> kept, Map<Attention.Kind, Integer> counts) {
    }

    public static Ranked rank(List<Attention> items, int perKind) {
        List<Attention> sorted = new ArrayList<>(items);
        sorted.sort(WORST_FIRST);
        Map<Attention.Kind, Integer> counts = new EnumMap<>(Attention.Kind.class);
        List<Attention> kept = new ArrayList<>();
        for (Attention item : sorted) {
            if (counts.merge(item.kind(), 1, Integer::sum) <= perKind) {
                kept.add(item);
            }
        }
        return new Ranked(List.copyOf(kept), Collections.unmodifiableMap(counts));
    }
}
