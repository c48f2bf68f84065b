-- Version 3: group conversations. A conversation is `direct` (the 1:1 pair of version 1, kept
-- as it was) or `group` (a name, a creator, N members).
ALTER TABLE conversations ADD COLUMN kind text NOT NULL DEFAULT 'direct';
ALTER TABLE conversations ADD COLUMN name text;
ALTER TABLE conversations ADD COLUMN creator_id bigint REFERENCES users(id);
ALTER TABLE conversations ALTER COLUMN user_a DROP NOT NULL;
ALTER TABLE conversations ALTER COLUMN user_b DROP NOT NULL;
-- Version 1's CHECK (user_a < user_b), named by PostgreSQL.
ALTER TABLE conversations DROP CONSTRAINT conversations_check;
ALTER TABLE conversations ADD CONSTRAINT conversations_shape CHECK (
    (kind = 'direct' AND user_a IS NOT NULL AND user_b IS NOT NULL AND user_a < user_b
     AND name IS NULL)
    OR (kind = 'group' AND user_a IS NULL AND user_b IS NULL AND name IS NOT NULL
        AND creator_id IS NOT NULL));

-- Members. A group membership names the member as its own peer_id (the column is NOT NULL
-- since version 1; no 1:1 participant is their own peer), so the contacts that presence
-- follows (peer_id <> user_id) stay the 1:1 peers only.
-- joined_from: the first message id the member sees (the system line that added them; 0 for
-- 1:1). left_rev: set when they left or were removed, the last rev they see (that line's).
ALTER TABLE participants ADD COLUMN role text NOT NULL DEFAULT 'member'
    CHECK (role IN ('member', 'admin'));
ALTER TABLE participants ADD COLUMN joined_from bigint NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN joined_at bigint NOT NULL DEFAULT 0;
ALTER TABLE participants ADD COLUMN left_rev bigint;
ALTER TABLE participants ADD COLUMN left_at bigint;
UPDATE participants SET joined_at = c.created_at FROM conversations c
    WHERE c.id = participants.conversation_id;

-- A system line (membership change, rename) carries its structured body as JSON text.
ALTER TABLE messages ADD COLUMN system_event text;
