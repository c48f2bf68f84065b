-- Version 4: full-text search. The index holds each message's searchable words as
-- common/searchtext.h makes them (case-folded, accents dropped, one word per ideograph), as a
-- tsvector of the 'simple' configuration (no stemming, no stop words: the same words SQLite's
-- index holds). The server writes it in the message's own transaction.
CREATE TABLE message_search (
    message_id      bigint   PRIMARY KEY REFERENCES messages(id),
    conversation_id bigint   NOT NULL,
    words           tsvector NOT NULL
);
CREATE INDEX message_search_words ON message_search USING gin (words);
CREATE INDEX message_search_by_conversation ON message_search (conversation_id, message_id);
-- Messages stored before this version are indexed when the server opens the database, a
-- batch per transaction: those with ids up to up_to; done_up_to is how far it got.
CREATE TABLE search_backfill (
    up_to      bigint NOT NULL,
    done_up_to bigint NOT NULL
);
INSERT INTO search_backfill (up_to, done_up_to) SELECT COALESCE(MAX(id), 0), 0 FROM messages;
