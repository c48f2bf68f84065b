-- Version 8: new messages are indexed for search in steps, not each in its own message's
-- transaction: FTS5 writes a segment per transaction, and the small commits of a server at
-- a few thousand messages a second each wrote one (docs/performance.md, "Search"). A batch
-- leaves its messages waiting until 500 do; the batch that reaches that many indexes them
-- all in its transaction (SqlStore::indexWithBatch), and a search indexes whatever waits
-- first. Every message with an id up to indexed_up_to is in message_search (unless deleted,
-- a system line, or without words). Everything stored so far was indexed with its message
-- (or waits for the backfill of version 4 or 7, search_backfill).
CREATE TABLE search_cursor (
    indexed_up_to INTEGER NOT NULL
);
INSERT INTO search_cursor (indexed_up_to) SELECT COALESCE(MAX(id), 0) FROM messages;
