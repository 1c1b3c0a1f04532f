-- "Keep me signed in": one row per token, the token itself never stored (SHA-256 of it is the key).
-- A series is one sign-in; each use that starts a new session rotates the token within its series; signing out
-- deletes the series. user_fingerprint ties the token to the user's key: a changed key retires every token.
CREATE TABLE remember_me_token (
    token_hash       TEXT    PRIMARY KEY,
    series           TEXT    NOT NULL,
    username         TEXT    NOT NULL,
    role             TEXT    NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    user_fingerprint TEXT    NOT NULL,
    created_at       INTEGER NOT NULL,
    expires_at       INTEGER NOT NULL,
    rotated          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX remember_me_token_series ON remember_me_token (series);
CREATE INDEX remember_me_token_expires ON remember_me_token (expires_at);
