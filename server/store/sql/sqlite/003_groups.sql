-- Version 3: group conversations. A conversation is `direct` (the 1:1 pair of version 1, kept
-- as it was) or `group` (a name, a creator, N members). SQLite cannot relax the pair's NOT NULL
-- and CHECK in place, so the table is rebuilt (the migration runner turns foreign keys off
-- around it and checks them before the commit). Ids are kept: every reference stays valid.
CREATE TABLE conversations_v3 (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL DEFAULT 'direct',
    user_a          INTEGER REFERENCES users(id),
    user_b          INTEGER REFERENCES users(id),
    name            TEXT,
    creator_id      INTEGER REFERENCES users(id),
    created_at      INTEGER NOT NULL,
    last_activity   INTEGER NOT NULL,
    last_message_id INTEGER NOT NULL DEFAULT 0,
    CHECK ((kind = 'direct' AND user_a IS NOT NULL AND user_b IS NOT NULL AND user_a < user_b
            AND name IS NULL)
        OR (kind = 'group' AND user_a IS NULL AND user_b IS NULL AND name IS NOT NULL
            AND creator_id IS NOT NULL)),
    UNIQUE (user_a, user_b)
);
INSERT INTO conversations_v3 (id, kind, user_a, user_b, created_at, last_activity, last_message_id)
    SELECT id, 'direct', user_a, user_b, created_at, last_activity, last_message_id
    FROM conversations;
DROP TABLE conversations;
ALTER TABLE conversations_v3 RENAME TO conversations;

-- Members. A group membership names the member as its own peer_id (the column is NOT NULL
-- since version 1; no 1:1 participant is their own peer), so the contacts that presence
-- follows (peer_id <> user_id) stay the 1:1 peers only.
-- joined_from: the first message id the member sees (the system line that added them; 0 for
-- 1:1). left_rev: set when they left or were removed, the last rev they see (that line's).
ALTER TABLE participants ADD COLUMN role TEXT NOT NULL DEFAULT 'member'
    CHECK (role IN ('member', 'admin'));
ALTER TABLE participants ADD COLUMN joined_from INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN joined_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN left_rev INTEGER;
ALTER TABLE participants ADD COLUMN left_at INTEGER;
UPDATE participants SET joined_at = (SELECT c.created_at FROM conversations c
                                     WHERE c.id = participants.conversation_id);

-- A system line (membership change, rename) carries its structured body as JSON text.
ALTER TABLE messages ADD COLUMN system_event TEXT;
