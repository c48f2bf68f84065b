-- Natter schema, version 1. Every statement ends with ";" on its own line end; the
-- migration runner executes them in order inside one transaction.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL UNIQUE COLLATE NOCASE,
    password_hash BLOB    NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL
);

-- Only a hash of each session token is stored.
CREATE TABLE tokens (
    hash       BLOB    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX tokens_by_user ON tokens(user_id);

-- 1:1 conversations; the pair is stored ordered so it is unique.
CREATE TABLE conversations (
    id              INTEGER PRIMARY KEY,
    user_a          INTEGER NOT NULL REFERENCES users(id),
    user_b          INTEGER NOT NULL REFERENCES users(id),
    created_at      INTEGER NOT NULL,
    last_activity   INTEGER NOT NULL,
    last_message_id INTEGER NOT NULL DEFAULT 0,
    CHECK (user_a < user_b),
    UNIQUE (user_a, user_b)
);

-- One row per participant: read/delivered positions and the rev of their last change.
CREATE TABLE participants (
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    user_id         INTEGER NOT NULL REFERENCES users(id),
    peer_id         INTEGER NOT NULL REFERENCES users(id),
    read_up_to      INTEGER NOT NULL DEFAULT 0,
    delivered_up_to INTEGER NOT NULL DEFAULT 0,
    rev             INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, user_id)
) WITHOUT ROWID;
CREATE INDEX participants_by_user ON participants(user_id, conversation_id);
CREATE INDEX participants_by_rev ON participants(rev);

-- AUTOINCREMENT: ids are never reused, so a client's "last seen id" stays meaningful.
CREATE TABLE messages (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    sender_id       INTEGER NOT NULL REFERENCES users(id),
    client_id       TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    deleted         INTEGER NOT NULL DEFAULT 0,
    rev             INTEGER NOT NULL,
    UNIQUE (sender_id, client_id)
);
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
CREATE INDEX messages_by_rev ON messages(rev);

-- Previous versions of edited messages, oldest first by id.
CREATE TABLE message_edits (
    id         INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages(id),
    content    TEXT    NOT NULL,
    edited_at  INTEGER NOT NULL
);
CREATE INDEX message_edits_by_message ON message_edits(message_id, id);

-- Delete-for-me.
CREATE TABLE hidden_messages (
    user_id         INTEGER NOT NULL REFERENCES users(id),
    message_id      INTEGER NOT NULL REFERENCES messages(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    rev             INTEGER NOT NULL,
    PRIMARY KEY (user_id, message_id)
) WITHOUT ROWID;
CREATE INDEX hidden_messages_by_rev ON hidden_messages(user_id, rev);
