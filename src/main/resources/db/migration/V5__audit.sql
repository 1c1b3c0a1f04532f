-- The audit log: one row per state change a user asked for (container actions, sign-in and sign-out, refreshes).
-- at is epoch millis; result SUCCESS (done), NO_CHANGE (nothing to do), FAILURE (asked, not done) or DENIED (not
-- allowed). target is a key (container "env:endpoint:id", environment name), target_name what people call it.
CREATE TABLE audit_entry (
    id          INTEGER PRIMARY KEY,
    at          INTEGER NOT NULL,
    username    TEXT    NOT NULL,
    role        TEXT,
    action      TEXT    NOT NULL,
    target      TEXT,
    target_name TEXT,
    result      TEXT    NOT NULL CHECK (result IN ('SUCCESS', 'NO_CHANGE', 'FAILURE', 'DENIED')),
    duration_ms INTEGER NOT NULL,
    detail      TEXT
);
CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_username_at ON audit_entry (username, at);
CREATE INDEX audit_entry_action_at ON audit_entry (action, at);
