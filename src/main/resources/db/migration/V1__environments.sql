-- The Portainer servers the dashboard collects from. The API key is stored only encrypted (SecretCipher).
CREATE TABLE environment (
    id                 INTEGER PRIMARY KEY,
    name               TEXT    NOT NULL UNIQUE,
    display_name       TEXT    NOT NULL,
    api_url            TEXT    NOT NULL,
    api_key_ciphertext TEXT    NOT NULL,
    verify_ssl         INTEGER NOT NULL DEFAULT 1,
    timeout_seconds    INTEGER NOT NULL DEFAULT 60,
    source             TEXT    NOT NULL CHECK (source IN ('ENV', 'UI')),
    enabled            INTEGER NOT NULL DEFAULT 1,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
