-- Alerts (alerts component): channels that insights are sent to, what was sent to whom, acknowledgements and
-- maintenance windows. Times are epoch millis. Ids of channels, windows and deliveries are never reused
-- (AUTOINCREMENT): the delivery record of a deleted channel must not be taken for a later one's.

-- A channel: kind WEBHOOK (generic JSON), SLACK, TEAMS, DISCORD or EMAIL. secret is encrypted with SecretCipher
-- (v1:...): the webhook URL (it carries the token) or the SMTP password; never returned by the API. secret_hint is
-- what may be shown of it (the URL's host). Rules: min_severity (CRITICAL, WARNING or INFO: that one and worse),
-- categories and kinds (comma separated, empty = all). renotify_seconds: a still-open insight is sent again after
-- that long (0 = never again). notify_resolved: a notice when it resolves. For EMAIL the SMTP columns apply.
CREATE TABLE alert_channel (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    name             TEXT    NOT NULL UNIQUE,
    kind             TEXT    NOT NULL CHECK (kind IN ('WEBHOOK', 'SLACK', 'TEAMS', 'DISCORD', 'EMAIL')),
    enabled          INTEGER NOT NULL,
    min_severity     TEXT    NOT NULL CHECK (min_severity IN ('CRITICAL', 'WARNING', 'INFO')),
    categories       TEXT    NOT NULL,
    kinds            TEXT    NOT NULL,
    renotify_seconds INTEGER NOT NULL,
    notify_resolved  INTEGER NOT NULL,
    secret           TEXT,
    secret_hint      TEXT,
    smtp_host        TEXT,
    smtp_port        INTEGER,
    smtp_username    TEXT,
    smtp_starttls    INTEGER NOT NULL DEFAULT 0,
    mail_from        TEXT,
    mail_to          TEXT,
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL
);

-- De-duplication: one row per (channel, insight) once it was notified; last_sent_at drives the re-notify interval,
-- resolved_sent that the resolved notice goes out once.
CREATE TABLE alert_notice (
    channel_id    INTEGER NOT NULL REFERENCES alert_channel (id) ON DELETE CASCADE,
    insight_id    INTEGER NOT NULL REFERENCES insight (id) ON DELETE CASCADE,
    first_sent_at INTEGER NOT NULL,
    last_sent_at  INTEGER NOT NULL,
    sends         INTEGER NOT NULL,
    resolved_sent INTEGER NOT NULL,
    PRIMARY KEY (channel_id, insight_id)
);

-- An acknowledged insight is not notified again (on any channel) while it stays open.
CREATE TABLE alert_ack (
    insight_id INTEGER PRIMARY KEY REFERENCES insight (id) ON DELETE CASCADE,
    acked_by   TEXT    NOT NULL,
    acked_at   INTEGER NOT NULL,
    note       TEXT
);

-- No sends while now is in [starts_at, ends_at); what would have gone out is recorded as SUPPRESSED.
CREATE TABLE alert_maintenance (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER NOT NULL,
    created_by TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Every delivery attempt: event FIRING (first notice), REPEAT (re-notify), RESOLVED or TEST; status SENT, FAILED
-- (reason says why; never a secret) or SUPPRESSED (maintenance window). last_attempt: no further attempt follows.
CREATE TABLE alert_delivery (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    channel_id    INTEGER,
    channel_name  TEXT    NOT NULL,
    channel_kind  TEXT    NOT NULL,
    insight_id    INTEGER,
    condition_key TEXT,
    title         TEXT    NOT NULL,
    severity      TEXT,
    event         TEXT    NOT NULL CHECK (event IN ('FIRING', 'REPEAT', 'RESOLVED', 'TEST')),
    status        TEXT    NOT NULL CHECK (status IN ('SENT', 'FAILED', 'SUPPRESSED')),
    attempt       INTEGER NOT NULL,
    last_attempt  INTEGER NOT NULL,
    at            INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    reason        TEXT,
    simulated     INTEGER NOT NULL
);
CREATE INDEX alert_delivery_at ON alert_delivery (at);
CREATE INDEX alert_delivery_channel ON alert_delivery (channel_id, at);
CREATE INDEX alert_delivery_insight ON alert_delivery (insight_id, at);
