-- Insights of the monitor (insights component): one row per occurrence of a condition. condition_key is stable while
-- the condition lasts (kind:subject); at most one OPEN row per key. Times are epoch millis. resources: the keys of
-- what it concerns, one a line. value: a figure that changes while it lasts (restart count, percent), or NULL.
CREATE TABLE insight (
    id            INTEGER PRIMARY KEY,
    condition_key TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    severity      TEXT    NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING', 'INFO')),
    category      TEXT    NOT NULL CHECK (category IN ('AVAILABILITY', 'RESOURCE', 'SECURITY', 'IMAGE')),
    title         TEXT    NOT NULL,
    detail        TEXT,
    resources     TEXT    NOT NULL,
    recommended   TEXT,
    first_value   REAL,
    last_value    REAL,
    status        TEXT    NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    first_seen    INTEGER NOT NULL,
    last_seen     INTEGER NOT NULL,
    resolved_at   INTEGER,
    rounds        INTEGER NOT NULL,
    simulated     INTEGER NOT NULL
);
CREATE UNIQUE INDEX insight_open_condition ON insight (condition_key) WHERE status = 'OPEN';
CREATE INDEX insight_status_last_seen ON insight (status, last_seen);
CREATE INDEX insight_resolved_at ON insight (resolved_at);

-- The history of each insight: opened, updated (severity, title or value changed), resolved.
CREATE TABLE insight_event (
    id         INTEGER PRIMARY KEY,
    insight_id INTEGER NOT NULL REFERENCES insight (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    change     TEXT    NOT NULL CHECK (change IN ('OPENED', 'UPDATED', 'RESOLVED')),
    severity   TEXT    NOT NULL,
    detail     TEXT
);
CREATE INDEX insight_event_insight ON insight_event (insight_id, at);
