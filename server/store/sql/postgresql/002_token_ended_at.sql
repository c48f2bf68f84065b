-- Version 2: when a token was revoked (milliseconds since the Unix epoch), so that every
-- instance can close the sockets signed in with it, also when another process (natter-server
-- user disable / reset-password) revoked it. Tokens revoked before this version keep NULL.
ALTER TABLE tokens ADD COLUMN revoked_at bigint;
CREATE INDEX tokens_by_revoked_at ON tokens (revoked_at) WHERE revoked_at IS NOT NULL;
CREATE INDEX tokens_by_expires_at ON tokens (expires_at);
