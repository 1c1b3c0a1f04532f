-- MCP clients: one row per bearer token an admin created for an AI client of the MCP server (/mcp). The token itself
-- is never stored: token_hash is the hex SHA-256 of it (shown once, at creation). role decides what the client may
-- read (VIEWER or OPERATOR; recent logs need OPERATOR). Revoked rows stay (revoked_at set) so the list shows who had
-- access; times are epoch millis.
CREATE TABLE mcp_client (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL,
    role         TEXT    NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR')),
    token_hash   TEXT    NOT NULL UNIQUE,
    created_at   INTEGER NOT NULL,
    created_by   TEXT    NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER,
    revoked_by   TEXT
);
