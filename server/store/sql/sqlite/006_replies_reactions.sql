-- Version 6: replies and reactions (issue 20). A reply names the message it answers in a
-- table of its own (most messages are none), so the message columns stay as they are.
CREATE TABLE message_replies (
    message_id INTEGER PRIMARY KEY REFERENCES messages(id),
    reply_to   INTEGER NOT NULL REFERENCES messages(id)
);

-- One row per (message, user, emoji); the emoji is one of the protocol's fixed set.
CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages(id),
    user_id    INTEGER NOT NULL REFERENCES users(id),
    emoji      TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
) WITHOUT ROWID;
