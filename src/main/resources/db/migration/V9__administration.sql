-- Environments edited in the UI: a CA bundle (PEM) trusted for TLS, a connect timeout and a concurrency limit of
-- their own (0: the server-wide defaults).
ALTER TABLE environment ADD COLUMN ca_bundle TEXT;
ALTER TABLE environment ADD COLUMN connect_timeout_seconds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE environment ADD COLUMN max_concurrency INTEGER NOT NULL DEFAULT 0;

-- Backups of Portainer servers: the archive is a file in the data directory (backups/), this row says what it is.
CREATE TABLE portainer_backup (
    id            INTEGER PRIMARY KEY,
    environment   TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    stored_name   TEXT    NOT NULL,
    status        TEXT    NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    bytes         INTEGER NOT NULL DEFAULT 0,
    with_password INTEGER NOT NULL DEFAULT 0,
    gzip          INTEGER NOT NULL DEFAULT 0,
    scheduled     INTEGER NOT NULL DEFAULT 0,
    requested_by  TEXT    NOT NULL,
    message       TEXT,
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE INDEX portainer_backup_environment ON portainer_backup (environment, created_at);

-- Administration settings edited in the UI (backup retention and interval), one value a name.
CREATE TABLE admin_setting (
    name       TEXT    PRIMARY KEY,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL
);
