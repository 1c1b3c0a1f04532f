package io.fleetdashboard.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetdashboard.metrics.entity.SeriesPoint;
import io.fleetdashboard.metrics.entity.Summary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsHistoryTest {

    @Test
    void summaryOfRawPoints() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            points.add(new SeriesPoint(Instant.ofEpochSecond(i), i, i, i, 1));
        }
        Summary s = MetricsHistory.summary(points);
        assertEquals(20.0, s.current());
        assertEquals(10.5, s.avg(), 1e-9);
        assertEquals(1.0, s.min());
        assertEquals(20.0, s.max());
        assertEquals(19.0, s.p95(), "nearest rank: ceil(0.95 * 20) = 19th value");
        assertEquals(Math.sqrt(35.0), s.stdDev(), 1e-9, "sample std dev of 1..20");
        assertEquals(20, s.samples());
    }

    @Test
    void summaryOfRollupsWeightsBySamplesAndUsesBucketExtremes() {
        Summary s = MetricsHistory.summary(List.of(new SeriesPoint(Instant.ofEpochSecond(0), 10, 5, 20, 3),
                new SeriesPoint(Instant.ofEpochSecond(300), 20, 1, 30, 1)));
        assertEquals(12.5, s.avg(), 1e-9);
        assertEquals(1.0, s.min());
        assertEquals(30.0, s.max());
        assertEquals(4, s.samples());
        assertEquals(Summary.NONE, MetricsHistory.summary(List.of()));
    }
}
