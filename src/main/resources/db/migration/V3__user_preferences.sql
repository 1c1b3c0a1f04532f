-- Per-user choices that follow the user across browsers and restarts (theme, auto-refresh period).
CREATE TABLE user_preference (
    username             TEXT    PRIMARY KEY,
    theme                TEXT    NOT NULL DEFAULT 'light' CHECK (theme IN ('light', 'dark')),
    auto_refresh_seconds INTEGER NOT NULL DEFAULT 0,
    updated_at           INTEGER NOT NULL
);
