package io.fleetdashboard.metrics.entity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metrics kept per container sample. {@code name} is the API and CSV spelling, {@code column} the column of
 * metric_sample (and the prefix of metric_rollup's min/avg/max/sum columns). {@code minimumSpread} is the smallest
 * standard deviation the anomaly detector assumes, so a nearly constant series does not turn tiny wobbles into
 * huge scores.
 */
public enum Metric {
    CPU("cpu", "cpu", "%", 0.5),
    MEMORY("memory", "mem", "bytes", 1024 * 1024),
    MEMORY_PERCENT("memory_percent", "mem_pct", "%", 0.5),
    NET_RX("net_rx", "net_rx", "bytes/s", 1024),
    NET_TX("net_tx", "net_tx", "bytes/s", 1024),
    BLOCK_READ("block_read", "blk_r", "bytes/s", 1024),
    BLOCK_WRITE("block_write", "blk_w", "bytes/s", 1024);

    private final String apiName;
    private final String column;
    private final String unit;
    private final double minimumSpread;

    Metric(String apiName, String column, String unit, double minimumSpread) {
        this.apiName = apiName;
        this.column = column;
        this.unit = unit;
        this.minimumSpread = minimumSpread;
    }

    public String apiName() {
        return apiName;
    }

    public String column() {
        return column;
    }

    public String unit() {
        return unit;
    }

    public double minimumSpread() {
        return minimumSpread;
    }

    public static Optional<Metric> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.apiName.equalsIgnoreCase(name)).findFirst();
    }

    /** This metric's value in a sample; null when the sample has none (rates of a first reading). */
    public Double of(Sample s) {
        return switch (this) {
            case CPU -> s.cpuPercent();
            case MEMORY -> s.memoryBytes() == null ? null : s.memoryBytes().doubleValue();
            case MEMORY_PERCENT -> s.memoryPercent();
            case NET_RX -> s.netRx();
            case NET_TX -> s.netTx();
            case BLOCK_READ -> s.blockRead();
            case BLOCK_WRITE -> s.blockWrite();
        };
    }
}
