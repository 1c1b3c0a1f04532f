-- Insights of the monitor (insights component): one row per occurrence of a condition. condition_key is stable while
-- the condition lasts (kind:subject); at most one OPEN row per key. Times are epoch millis. resources: the keys of
-- what it concerns, one a line. severity_rank orders by severity (0 critical, 1 warning, 2 info). value: a figure
-- that changes while it lasts (restart count, percent), or NULL.
CREATE TABLE insight (
    id            INTEGER PRIMARY KEY,
    condition_key TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    severity      TEXT    NOT NULL CHECK (severity IN ('CRITICAL', 'WARNING', 'INFO')),
    severity_rank INTEGER NOT NULL,
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

-- Remediation actions suggested from insights (remediation component): nothing runs without approval. status moves
-- PENDING -> APPROVED | REJECTED | EXPIRED, APPROVED -> EXECUTING -> EXECUTED | FAILED; every move is guarded by the
-- status it leaves. action is Docker's verb (RESTART, START, STOP); target the container key.
CREATE TABLE remediation_action (
    id               INTEGER PRIMARY KEY,
    insight_id       INTEGER,
    condition_key    TEXT    NOT NULL,
    insight_title    TEXT    NOT NULL,
    insight_severity TEXT    NOT NULL,
    action           TEXT    NOT NULL CHECK (action IN ('RESTART', 'START', 'STOP')),
    target           TEXT    NOT NULL,
    target_name      TEXT    NOT NULL,
    rationale        TEXT,
    status           TEXT    NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'EXPIRED', 'EXECUTING',
                                                        'EXECUTED', 'FAILED')),
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    decided_by       TEXT,
    decided_at       INTEGER,
    reason           TEXT,
    executed_by      TEXT,
    executed_at      INTEGER,
    result           TEXT,
    simulated        INTEGER NOT NULL
);
CREATE INDEX remediation_action_status ON remediation_action (status, created_at);
CREATE INDEX remediation_action_target ON remediation_action (target, action, status);
