-- Accounts: passwords, sessions, failed logins and setup links. Instants are epoch milliseconds (BIGINT).
ALTER TABLE users ADD COLUMN password_hash TEXT;

CREATE TABLE sessions (
    id_hash      TEXT    PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    remember     INTEGER NOT NULL,
    created_at   BIGINT  NOT NULL,
    last_seen_at BIGINT  NOT NULL,
    expires_at   BIGINT  NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
    id       INTEGER PRIMARY KEY,
    username TEXT    NOT NULL,
    client   TEXT    NOT NULL,
    at       BIGINT  NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);
CREATE INDEX login_failures_client ON login_failures (client, at);

CREATE TABLE setup_tokens (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT  NOT NULL
);
CREATE INDEX setup_tokens_user ON setup_tokens (user_id);
