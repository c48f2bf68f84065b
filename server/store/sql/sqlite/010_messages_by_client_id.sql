-- Version 10: the duplicate check's unique index leads with the client id, not the sender.
-- Clients send time-ordered ids (UUID version 7, common/clientid.h), so each new message's
-- entry lands at the end of the index, on the page the previous one wrote. Led by the
-- sender, every sender's newest entry sat on a page of its own: a batch from 1,000 senders
-- rewrote ~1,000 index pages, about half of the WAL written per message (closed loop N=1000:
-- 2.2 KB of WAL per message before, 0.8 KB after; docs/performance.md). The pair stays
-- unique as before. SQLite cannot change a table's UNIQUE in place: the table is rebuilt with
-- its ids (the migration runner turns foreign keys off around it and checks them before the
-- commit), and AUTOINCREMENT's high-water mark is carried over, so no id is ever reused.
CREATE TABLE messages_v10 (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    sender_id       INTEGER NOT NULL REFERENCES users(id),
    client_id       TEXT    NOT NULL,
    content         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    edited_at       INTEGER,
    deleted         INTEGER NOT NULL DEFAULT 0,
    rev             INTEGER NOT NULL,
    system_event    TEXT,
    file_id         TEXT    REFERENCES files(id),
    file            TEXT,
    UNIQUE (client_id, sender_id)
);
INSERT INTO messages_v10 (id, conversation_id, sender_id, client_id, content, created_at,
                          edited_at, deleted, rev, system_event, file_id, file)
    SELECT id, conversation_id, sender_id, client_id, content, created_at, edited_at, deleted,
           rev, system_event, file_id, file
    FROM messages ORDER BY id;
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'messages_v10', seq FROM sqlite_sequence WHERE name = 'messages'
    AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'messages_v10');
UPDATE sqlite_sequence
    SET seq = max(seq, (SELECT seq FROM sqlite_sequence WHERE name = 'messages'))
    WHERE name = 'messages_v10';
DROP TABLE messages;
ALTER TABLE messages_v10 RENAME TO messages;
CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
CREATE INDEX messages_by_rev ON messages(rev);
CREATE INDEX messages_by_file ON messages(file_id) WHERE file_id IS NOT NULL;
