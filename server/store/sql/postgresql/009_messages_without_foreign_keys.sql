-- Version 9: a new message's row and its search row no longer check foreign keys. PostgreSQL
-- checks each one per row, with a query of its own that also locks the row it finds: three
-- per message (its sender, its conversation, and for the search row the message just
-- written). That was a third of the database's CPU on the message writer's connection, and
-- the closed loop went from ~16,000 to ~24,000 messages a second without them
-- (docs/scaling.md). What they guarded holds by construction: the sender is the signed-in
-- user (users are never deleted), the conversation is found or made in the same transaction,
-- and the search rows are an index of the messages that every search joins back to them.
-- The embedded SQLite store keeps all its foreign keys, and every test of the store code
-- (shared by both databases) runs on it: a change that wrote a row pointing nowhere fails
-- there.
ALTER TABLE message_search DROP CONSTRAINT message_search_message_id_fkey;
ALTER TABLE messages DROP CONSTRAINT messages_sender_id_fkey;
ALTER TABLE messages DROP CONSTRAINT messages_conversation_id_fkey;
