-- Version 6: replies and reactions (issue 20), as in the SQLite schema. A reply names the
-- message it answers in a table of its own (most messages are none).
CREATE TABLE message_replies (
    message_id bigint PRIMARY KEY REFERENCES messages(id),
    reply_to   bigint NOT NULL REFERENCES messages(id)
);

-- One row per (message, user, emoji); the emoji is one of the protocol's fixed set.
CREATE TABLE reactions (
    message_id bigint NOT NULL REFERENCES messages(id),
    user_id    bigint NOT NULL REFERENCES users(id),
    emoji      text   NOT NULL,
    created_at bigint NOT NULL,
    PRIMARY KEY (message_id, user_id, emoji)
);
