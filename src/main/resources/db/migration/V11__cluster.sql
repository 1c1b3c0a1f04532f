-- Several instances on one shared database (PostgreSQL): one of them collects the fleet at a time.
-- cluster_lease: who holds a lease (the collector's: name 'collector'), until when (epoch ms, database clock), and
-- its fencing token, one higher on every takeover; refresh_requested_at: a refresh asked for by another instance.
CREATE TABLE cluster_lease (
    name                 TEXT    PRIMARY KEY,
    holder               TEXT    NOT NULL,
    token                INTEGER NOT NULL,
    acquired_at          INTEGER NOT NULL,
    expires_at           INTEGER NOT NULL,
    refresh_requested_at INTEGER NOT NULL DEFAULT 0
);

-- The collector's last complete snapshot for the other instances (gzip'd Java serialization, as the snapshot file),
-- written only with the lease's current token: a stale holder's publish matches no row.
CREATE TABLE cluster_snapshot (
    name         TEXT    PRIMARY KEY,
    token        INTEGER NOT NULL,
    holder       TEXT    NOT NULL,
    taken_at     INTEGER NOT NULL,
    published_at INTEGER NOT NULL,
    body         BLOB    NOT NULL
);
