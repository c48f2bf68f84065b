-- Version 7: the search index takes each batch's words at once. With GIN's default
-- fastupdate, new entries gather in a pending list that the insert crossing
-- gin_pending_list_limit (4 MB) merges into the index in the foreground: every few seconds at
-- a few thousand messages a second, one batch of the message writer waited hundreds of ms for
-- it, and so did every send behind it (open 5,000/s: p99 325-1,451 ms; without the list 23-97
-- ms, the closed loop's throughput unchanged: docs/scaling.md).
ALTER INDEX message_search_words SET (fastupdate = off);
-- What an older server left in the list goes into the index now, not at the next vacuum.
SELECT gin_clean_pending_list('message_search_words'::regclass);
