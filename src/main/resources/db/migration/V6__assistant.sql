-- The assistant's conversations, kept per user. Times are epoch millis. A message's role is USER or ASSISTANT;
-- source says who wrote an answer: RULES (quick answers from the snapshot), MODEL (an LLM) or SIMULATED (the
-- simulator's stand-in in demo mode). tool_calls and sent are JSON: what the answer used and the messages sent.
CREATE TABLE assistant_conversation (
    id         INTEGER PRIMARY KEY,
    username   TEXT    NOT NULL,
    title      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX assistant_conversation_username_updated ON assistant_conversation (username, updated_at);
CREATE TABLE assistant_message (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER NOT NULL REFERENCES assistant_conversation (id) ON DELETE CASCADE,
    at              INTEGER NOT NULL,
    role            TEXT    NOT NULL CHECK (role IN ('USER', 'ASSISTANT')),
    source          TEXT CHECK (source IN ('RULES', 'MODEL', 'SIMULATED')),
    content         TEXT    NOT NULL,
    tool_calls      TEXT,
    sent            TEXT
);
CREATE INDEX assistant_message_conversation ON assistant_message (conversation_id, id);
