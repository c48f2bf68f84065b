-- Version 5: files (docs/protocol.md "Files"). The bytes live on disk, content-addressed by
-- SHA-256 (server/files); here is what the server knows about them. A file's id is random
-- (32 hex digits: unguessable); its name is display text only; its mime was sniffed from the
-- bytes. A file belongs to its uploader and to the conversation it was uploaded for.
CREATE TABLE files (
    id              TEXT    PRIMARY KEY,
    sha256          TEXT    NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    mime            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    uploader_id     INTEGER NOT NULL REFERENCES users(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    created_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX files_by_uploader ON files(uploader_id);
CREATE INDEX files_by_sha256 ON files(sha256);

-- Uploads not finished yet: what file_begin announced, so that a resume (by id, across
-- restarts) is checked against it. touched_at: the last file_begin or byte (a resume is
-- valid for 24 h after it).
CREATE TABLE uploads (
    id              TEXT    PRIMARY KEY,
    uploader_id     INTEGER NOT NULL REFERENCES users(id),
    conversation_id INTEGER NOT NULL REFERENCES conversations(id),
    name            TEXT    NOT NULL,
    size            INTEGER NOT NULL CHECK (size >= 0),
    sha256          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    touched_at      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX uploads_by_uploader ON uploads(uploader_id);

-- A message that carries a file: its id (who may download it: the participants of a
-- conversation with a message referencing it) and the file object as the wire shows it
-- (JSON, like system_event: written once, never changed). Both cleared by delete for everyone.
ALTER TABLE messages ADD COLUMN file_id TEXT REFERENCES files(id);
ALTER TABLE messages ADD COLUMN file TEXT;
CREATE INDEX messages_by_file ON messages(file_id) WHERE file_id IS NOT NULL;
