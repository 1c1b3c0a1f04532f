-- Container metrics history (io.fleetdashboard.metrics.control.MetricsStore). Times are epoch milliseconds (UTC).
-- Raw samples: one row per container per round; rates in bytes/s, NULL on a container's first reading.
CREATE TABLE metric_sample (
    container_key TEXT    NOT NULL,
    taken_at      INTEGER NOT NULL,
    cpu           REAL,
    mem           INTEGER,
    mem_pct       REAL,
    mem_limit     INTEGER,
    net_rx        REAL,
    net_tx        REAL,
    blk_r         REAL,
    blk_w         REAL,
    rolled        INTEGER NOT NULL DEFAULT 0
);
-- Series of one container over a range.
CREATE INDEX metric_sample_container_time ON metric_sample (container_key, taken_at);
-- Latest samples fleet-wide (top consumers) and the retention purge.
CREATE INDEX metric_sample_time ON metric_sample (taken_at);
-- Samples not yet rolled up: small, since maintenance rolls them up every pass.
CREATE INDEX metric_sample_unrolled ON metric_sample (taken_at) WHERE rolled = 0;

-- Names of the containers and endpoints the samples belong to (also after they left the fleet).
CREATE TABLE metric_container (
    container_key TEXT PRIMARY KEY,
    name          TEXT    NOT NULL,
    endpoint_key  TEXT    NOT NULL,
    endpoint_name TEXT    NOT NULL,
    last_seen     INTEGER NOT NULL
);
CREATE INDEX metric_container_name ON metric_container (name);

-- 5-minute rollups: min, max, sum and count per metric (avg = sum / count), kept metrics.rollup.retention.days.
CREATE TABLE metric_rollup (
    container_key TEXT    NOT NULL,
    bucket_start  INTEGER NOT NULL,
    cpu_min REAL, cpu_max REAL, cpu_sum REAL, cpu_n INTEGER NOT NULL DEFAULT 0,
    mem_min REAL, mem_max REAL, mem_sum REAL, mem_n INTEGER NOT NULL DEFAULT 0,
    mem_pct_min REAL, mem_pct_max REAL, mem_pct_sum REAL, mem_pct_n INTEGER NOT NULL DEFAULT 0,
    net_rx_min REAL, net_rx_max REAL, net_rx_sum REAL, net_rx_n INTEGER NOT NULL DEFAULT 0,
    net_tx_min REAL, net_tx_max REAL, net_tx_sum REAL, net_tx_n INTEGER NOT NULL DEFAULT 0,
    blk_r_min REAL, blk_r_max REAL, blk_r_sum REAL, blk_r_n INTEGER NOT NULL DEFAULT 0,
    blk_w_min REAL, blk_w_max REAL, blk_w_sum REAL, blk_w_n INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (container_key, bucket_start)
);
CREATE INDEX metric_rollup_time ON metric_rollup (bucket_start);

-- Values the anomaly detector flagged.
CREATE TABLE metric_anomaly (
    id            INTEGER PRIMARY KEY,
    container_key TEXT    NOT NULL,
    metric        TEXT    NOT NULL,
    taken_at      INTEGER NOT NULL,
    value         REAL    NOT NULL,
    expected      REAL    NOT NULL,
    score         REAL    NOT NULL,
    direction     TEXT    NOT NULL CHECK (direction IN ('UP', 'DOWN')),
    severity      TEXT    NOT NULL CHECK (severity IN ('WARNING', 'CRITICAL'))
);
CREATE INDEX metric_anomaly_time ON metric_anomaly (taken_at);
CREATE INDEX metric_anomaly_container_time ON metric_anomaly (container_key, taken_at);
