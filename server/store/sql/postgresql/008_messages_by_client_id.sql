-- Version 8: the duplicate check's unique index leads with the client id, not the sender.
-- Clients send time-ordered ids (UUID version 7, common/clientid.h), so each new message's
-- entry lands at the end of the index instead of on a page per sender (as on SQLite, version
-- 10 there: docs/performance.md). The pair stays unique as before.
ALTER TABLE messages ADD CONSTRAINT messages_client_id_sender_id_key UNIQUE (client_id, sender_id);
ALTER TABLE messages DROP CONSTRAINT messages_sender_id_client_id_key;
