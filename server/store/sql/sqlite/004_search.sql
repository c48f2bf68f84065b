-- Version 4: full-text search. The index holds each message's searchable words as
-- common/searchtext.h makes them (case-folded, accents dropped, one word per ideograph), and
-- "c<id>" of its conversation in `conv` (a search in one conversation intersects both). The
-- server writes it in the message's own transaction. Contentless: the words are not stored
-- twice, so an edit or a delete tells the index the old words.
CREATE VIRTUAL TABLE message_search USING fts5(
    conv, words, content = '', tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
-- Messages stored before this version are indexed when the server opens the database, a
-- batch per transaction: those with ids up to up_to; done_up_to is how far it got.
CREATE TABLE search_backfill (
    up_to      INTEGER NOT NULL,
    done_up_to INTEGER NOT NULL
);
INSERT INTO search_backfill (up_to, done_up_to) SELECT COALESCE(MAX(id), 0), 0 FROM messages;
