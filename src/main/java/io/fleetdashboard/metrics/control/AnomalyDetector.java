package io.fleetdashboard.metrics.control;

import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Severity;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rolling z-score per (container, metric), pure and without CDI (the collector owns one).
 * <p>
 * Rule: the baseline is the mean and sample standard deviation of the last {@code window} values <em>before</em>
 * the current one. No verdict until it holds {@code minSamples} values. The spread used is
 * max(std dev, 2% of |mean|, the metric's minimum spread), so a flat series (std dev ≈ 0) does not make tiny
 * wobbles look extreme. z = (value − mean) / spread. A value is flagged when |z| ≥ threshold in the same direction
 * for {@code persistence} values in a row (flapping suppressed), or at once when |z| ≥ 2 × threshold (extreme,
 * severity CRITICAL; otherwise WARNING). Every value, flagged or not, then joins the window, so a lasting change of
 * level becomes the new baseline after a while instead of alarming forever.
 * <p>
 * Thread-safe per key: the collector feeds one round at a time; state is a map of small synchronized windows.
 */
public final class AnomalyDetector {

    /** A flagged value. */
    public record Verdict(double expected, double score, Direction direction, Severity severity) {
    }

    private final int window;
    private final int minSamples;
    private final double threshold;
    private final int persistence;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public AnomalyDetector(int window, int minSamples, double threshold, int persistence) {
        this.window = Math.max(2, window);
        this.minSamples = Math.max(2, Math.min(minSamples, this.window));
        this.threshold = threshold;
        this.persistence = Math.max(1, persistence);
    }

    /** Judges a value against its baseline, then adds it to the window. */
    public Optional<Verdict> observe(String containerKey, Metric metric, double value) {
        State state = states.computeIfAbsent(containerKey + "|" + metric.name(), k -> new State());
        synchronized (state) {
            Optional<Verdict> verdict = Optional.empty();
            if (state.values.size() >= minSamples) {
                double mean = 0;
                for (double v : state.values) {
                    mean += v;
                }
                mean /= state.values.size();
                double squares = 0;
                for (double v : state.values) {
                    squares += (v - mean) * (v - mean);
                }
                double std = Math.sqrt(squares / (state.values.size() - 1));
                double spread = Math.max(std, Math.max(Math.abs(mean) * 0.02, metric.minimumSpread()));
                double z = (value - mean) / spread;
                if (Math.abs(z) >= threshold) {
                    Direction direction = z > 0 ? Direction.UP : Direction.DOWN;
                    state.streak = direction == state.streakDirection ? state.streak + 1 : 1;
                    state.streakDirection = direction;
                    boolean extreme = Math.abs(z) >= 2 * threshold;
                    if (extreme || state.streak >= persistence) {
                        verdict = Optional.of(new Verdict(mean, z, direction,
                                extreme ? Severity.CRITICAL : Severity.WARNING));
                    }
                } else {
                    state.streak = 0;
                    state.streakDirection = null;
                }
            }
            state.values.addLast(value);
            while (state.values.size() > window) {
                state.values.removeFirst();
            }
            return verdict;
        }
    }

    /** Seeds a key's window (oldest first), e.g. from the store at start-up. */
    public void seed(String containerKey, Metric metric, Iterable<Double> oldestFirst) {
        for (Double v : oldestFirst) {
            if (v != null) {
                State state = states.computeIfAbsent(containerKey + "|" + metric.name(), k -> new State());
                synchronized (state) {
                    state.values.addLast(v);
                    while (state.values.size() > window) {
                        state.values.removeFirst();
                    }
                }
            }
        }
    }

    /** Drops the state of containers not seen for a while (keys not in {@code alive}). */
    public void retain(java.util.Set<String> aliveContainerKeys) {
        states.keySet().removeIf(k -> !aliveContainerKeys.contains(k.substring(0, k.lastIndexOf('|'))));
    }

    public int trackedSeries() {
        return states.size();
    }

    private static final class State {
        final ArrayDeque<Double> values = new ArrayDeque<>();
        int streak;
        Direction streakDirection;
    }
}
