-- Version 10: revisions come from a sequence instead of the one `revision` row that every
-- writing transaction locked until its commit. That lock ran the transactions of all server
-- instances one after another, so two instances wrote no more than one (docs/scaling.md).
-- A writing transaction now announces a lower bound for the revisions it will take, and a
-- `sync` reads only up to a horizon below every bound still announced (SqlConnection,
-- docs/scaling.md "Revisions without a shared row"). The bound is the sequence's
-- last_value, so the sequence must hand out values one at a time: CACHE 1 (a cached block
-- would let a session return values below the last_value another session reads).
CREATE SEQUENCE revision_seq AS bigint MINVALUE 0 START WITH 0 CACHE 1;
SELECT setval('revision_seq', (SELECT value FROM revision), true);
-- A server of schema 9 would still lock and count the old row: gone, its writes fail
-- instead of handing out revisions this schema has already used.
DROP TABLE revision;
