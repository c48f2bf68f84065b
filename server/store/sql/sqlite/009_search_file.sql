-- Version 9: the search index moves out of the database into a file of its own beside it
-- (<database>-search), written by a thread of its own (SearchIndexer) over a connection of
-- its own. SQLite lets one connection write a file at a time: in this file the index's
-- inserts and merges held the lock that every message's commit waits for, and cost the
-- closed loop about 20 % (docs/performance.md, "Search"). The index file is built again from
-- the messages whenever it is missing or does not match this database (a restored backup).
DROP TABLE message_search;
DROP TABLE search_cursor;
DROP TABLE search_backfill;
-- Edits and deletes for everyone, for the indexer: the text a message had before (what the
-- index may hold for it). AUTOINCREMENT: the indexer removes the entries it has applied,
-- and a new entry must never reuse a number it has passed.
CREATE TABLE search_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER NOT NULL,
    old_content TEXT NOT NULL
);
-- Names this database to its index file: a file made for another database is built again.
CREATE TABLE search_source (
    identity TEXT NOT NULL
);
INSERT INTO search_source (identity) VALUES (lower(hex(randomblob(16))));
