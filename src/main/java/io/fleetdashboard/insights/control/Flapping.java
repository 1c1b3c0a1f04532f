package io.fleetdashboard.insights.control;

import io.fleetdashboard.insights.entity.Condition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Flapping suppression: a condition of a kind that flaps (an endpoint going offline for a moment) counts only once
 * it was seen in {@code rounds} rounds in a row. An insight that is already open stays open while it holds. Not
 * thread-safe: the monitor's single round uses it.
 */
final class Flapping {

    private final int rounds;
    private final Predicate<Condition> flaps;
    private final Map<String, Integer> streaks = new HashMap<>();

    Flapping(int rounds, Predicate<Condition> flaps) {
        this.rounds = Math.max(1, rounds);
        this.flaps = flaps;
    }

    /** The conditions of this round that count; {@code open} are the keys of the insights open now. */
    List<Condition> confirmed(List<Condition> seen, Set<String> open) {
        Set<String> present = new HashSet<>();
        List<Condition> out = new ArrayList<>();
        for (Condition c : seen) {
            if (!flaps.test(c)) {
                out.add(c);
                continue;
            }
            present.add(c.key());
            int streak = streaks.merge(c.key(), 1, Integer::sum);
            if (streak >= rounds || open.contains(c.key())) {
                out.add(c);
            }
        }
        streaks.keySet().retainAll(present);
        return out;
    }
}
