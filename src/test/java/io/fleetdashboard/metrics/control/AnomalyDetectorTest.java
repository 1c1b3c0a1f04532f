package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetdashboard.metrics.entity.Direction;
import io.fleetdashboard.metrics.entity.Metric;
import io.fleetdashboard.metrics.entity.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

    private static List<Optional<AnomalyDetector.Verdict>> feed(AnomalyDetector detector, String key, double[] values) {
        List<Optional<AnomalyDetector.Verdict>> verdicts = new ArrayList<>();
        for (double v : values) {
            verdicts.add(detector.observe(key, Metric.CPU, v));
        }
        return verdicts;
    }

    private static double[] noisyFlat(long seed, int n, double level, double noise) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + random.nextGaussian() * noise;
        }
        return values;
    }

    @Test
    void aSpikeInASeededSeriesIsFlaggedUpAndCritical() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        double[] values = noisyFlat(7, 40, 20, 1.5);
        values[30] = 80;
        List<Optional<AnomalyDetector.Verdict>> verdicts = feed(detector, "c1", values);
        AnomalyDetector.Verdict spike = verdicts.get(30).orElseThrow();
        assertEquals(Direction.UP, spike.direction());
        assertEquals(Severity.CRITICAL, spike.severity());
        assertTrue(spike.score() > 6, "score " + spike.score());
        assertEquals(20, spike.expected(), 2);
        for (int i = 0; i < 30; i++) {
            assertTrue(verdicts.get(i).isEmpty(), "sample " + i + " flagged");
        }
    }

    @Test
    void aNoisyFlatSeriesIsNotFlagged() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        List<Optional<AnomalyDetector.Verdict>> verdicts = feed(detector, "c", noisyFlat(1, 300, 50, 5));
        assertTrue(verdicts.stream().allMatch(Optional::isEmpty), verdicts.stream().filter(Optional::isPresent)
                .map(Optional::get).toList().toString());
    }

    @Test
    void gaussianNoiseRarelyPassesThePersistenceRule() {
        // Two |z| >= 3 in a row, same side, happens by chance with Gaussian noise, just rarely: across 6000
        // samples of 20 seeded series, at most a handful of flags (without persistence there would be ~30).
        long flagged = 0;
        for (long seed = 1; seed <= 20; seed++) {
            AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
            flagged += feed(detector, "c" + seed, noisyFlat(seed, 300, 50, 5)).stream()
                    .filter(Optional::isPresent).count();
        }
        assertTrue(flagged <= 3, "flagged " + flagged + " of 6000 noise samples");
    }

    @Test
    void nothingIsJudgedBeforeTheMinimumSamples() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        double[] values = {10, 10, 10, 10, 10, 10, 10, 10, 10, 1000};
        assertTrue(feed(detector, "c", values).stream().allMatch(Optional::isEmpty));
        assertTrue(detector.observe("c", Metric.CPU, 5000).isPresent(), "judged from the tenth sample on");
    }

    @Test
    void aModerateDeviationMustPersistForKSamples() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        // a full window of 98/102 (mean 100, std dev ≈ 2): 110 is z ≈ 4.9, beyond 3 but below 6; the second
        // 110 still scores ≈ 3.6 against the window that now holds the first
        double[] base = new double[40];
        for (int i = 0; i < base.length; i++) {
            base[i] = i % 2 == 0 ? 98 : 102;
        }
        feed(detector, "c", base);
        assertFalse(detector.observe("c", Metric.CPU, 110).isPresent(), "one sample: flapping suppressed");
        AnomalyDetector.Verdict second = detector.observe("c", Metric.CPU, 110).orElseThrow();
        assertEquals(Severity.WARNING, second.severity());
        assertEquals(Direction.UP, second.direction());
    }

    @Test
    void aDropIsFlaggedDown() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        feed(detector, "c", noisyFlat(3, 20, 500, 10));
        assertEquals(Direction.DOWN, detector.observe("c", Metric.CPU, 100).orElseThrow().direction());
    }

    @Test
    void aPerfectlyFlatSeriesDoesNotTurnTinyWobblesIntoAnomalies() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 40);
        feed(detector, "c", flat);
        assertTrue(detector.observe("c", Metric.CPU, 40.3).isEmpty());
        assertTrue(detector.observe("c", Metric.CPU, 40.3).isEmpty());
    }

    @Test
    void seriesAreKeptPerContainerAndMetric() {
        AnomalyDetector detector = new AnomalyDetector(30, 10, 3, 2);
        feed(detector, "a", noisyFlat(5, 20, 10, 1));
        assertTrue(detector.observe("b", Metric.CPU, 1000).isEmpty(), "b has no baseline yet");
        assertTrue(detector.observe("a", Metric.MEMORY, 1e12).isEmpty(), "memory of a has no baseline yet");
        assertTrue(detector.observe("a", Metric.CPU, 1000).isPresent());
    }
}
