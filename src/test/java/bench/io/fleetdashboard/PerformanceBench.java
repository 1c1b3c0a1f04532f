package bench.io.fleetdashboard;

import bench.io.fleetdashboard.fleet.CacheFigures;
import bench.io.fleetdashboard.fleet.FirstSummaryFigures;
import bench.io.fleetdashboard.fleet.LoadFigures;
import bench.io.fleetdashboard.fleet.MemoryFigures;
import bench.io.fleetdashboard.fleet.RefreshFigures;
import bench.io.fleetdashboard.fleet.WorkloadsFigures;
import bench.io.fleetdashboard.metrics.ScrapeFigures;
import bench.io.fleetdashboard.metrics.SqliteFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The benchmark suite (./mvnw -Pbench verify): every finding of the performance audit measured side by side with
 * the audit's "before" pattern in the same run, against the fleet-it server with the simulator at 5 x 200 x 50,
 * 20 ms +/- 5 ms. Figures, not assertions: the table and target/bench/results.json say PASS or MISS per target.
 * The order matters: the restart runs last because it leaves the server with a slow simulator.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerformanceBench {

    private static final long STARTED = System.nanoTime();
    private static double rebuildMillis = Double.NaN;
    private static double warmSummaryMillis = Double.NaN;

    @BeforeAll
    static void machine() throws Exception {
        BenchReport.run("startedAt", Instant.now().toString());
        BenchReport.run("cores", Runtime.getRuntime().availableProcessors());
        String memTotal = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:")).findFirst().orElse("MemTotal: ? kB");
        BenchReport.run("memory", memTotal.replace("MemTotal:", "").strip());
        BenchReport.run("java", System.getProperty("java.version"));
        BenchReport.run("command", "./mvnw -Pbench verify");
    }

    @AfterAll
    static void report() {
        BenchReport.run("suiteSeconds", Math.round((System.nanoTime() - STARTED) / 1e9));
        BenchReport.finish();
    }

    interface Section {
        void run() throws Exception;
    }

    /**
     * Runs one section; if the server stopped underneath it (other sessions on this shared machine stop Liberty
     * JVMs), starts it again and repeats the whole section, at most twice. Figures of a failed attempt are dropped.
     */
    private static void section(String name, Section section) throws Exception {
        for (int attempt = 1; ; attempt++) {
            if (Server.ensureUp()) {
                BenchReport.run("restartedBefore_" + name.replace(' ', '_') + "_" + attempt, true);
            }
            int figures = BenchReport.figures().size();
            try {
                section.run();
                return;
            } catch (Exception | AssertionError e) {
                BenchReport.dropFrom(figures);
                if (attempt >= 3 || Server.answers("/api/v1/me")) {
                    throw e;
                }
                System.out.println("[bench] " + name + ": the server stopped during attempt " + attempt + " (" + e
                        + "); starting it again and repeating the section");
                BenchReport.run("interrupted_" + name.replace(' ', '_') + "_" + attempt, String.valueOf(e));
            }
        }
    }

    @Test
    @Order(1)
    void fleetRefreshAtFleetScale() throws Exception {
        section("refresh 5x200x50", () -> rebuildMillis = RefreshFigures.refresh(5, 200, 50, 3, true));
    }

    @Test
    @Order(2)
    void fleetRefreshOutOfProcess() throws Exception {
        section("refresh out of process", () -> RefreshFigures.outOfProcess(5, 200, 50, 3));
    }

    @Test
    @Order(3)
    void connectionPooling() throws Exception {
        section("pooling", () -> RefreshFigures.pooling(200));
    }

    @Test
    @Order(4)
    void cacheWarmAndRebuild() throws Exception {
        section("cache", () -> {
            Server.world(5, 200, 50);
            Server.refresh();
            CacheFigures.warm(rebuildMillis, true);
        });
        warmSummaryMillis = BenchReport.figures().stream()
                .filter(f -> f.name().startsWith("summary warm")).findFirst().map(BenchReport.Figure::ours)
                .orElse(Double.NaN);
    }

    @Test
    @Order(5)
    void underLoad() throws Exception {
        section("load", () -> LoadFigures.run(Duration.ofSeconds(5)));
    }

    @Test
    @Order(6)
    void memory() throws Exception {
        section("memory", MemoryFigures::run);
    }

    @Test
    @Order(7)
    void fleetRefreshSmallFleet() throws Exception {
        section("refresh 1x50x20", () -> RefreshFigures.refresh(1, 50, 20, 3, false));
    }

    @Test
    @Order(8)
    void sqlite() throws Exception {
        SqliteFigures.run();
    }

    @Test
    @Order(9)
    void scrapeStorm() throws Exception {
        section("scrapes", () -> {
            Server.world(5, 200, 50);
            Server.refresh();
            ScrapeFigures.run();
        });
    }

    @Test
    @Order(10)
    void workloads() throws Exception {
        section("workloads", () -> {
            Server.world(5, 200, 50);
            Server.refresh();
            WorkloadsFigures.run();
        });
    }

    @Test
    @Order(11)
    void cacheAfterRestart() throws Exception {
        section("restart", () -> {
            Server.world(5, 200, 50);
            CacheFigures.afterRestart(warmSummaryMillis);
        });
    }

    @Test
    @Order(11)
    void firstSummaryWithHangingEndpoint() throws Exception {
        section("first summary", () -> FirstSummaryFigures.hangingEndpoint(200, 33));
    }
}
