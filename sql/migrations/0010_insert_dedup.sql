-- Idempotent sink retries. An insert into events can fail after its rows reached events but
-- before a materialized view wrote its own (a full disk, a memory limit): the events table has
-- the rows, interactions or customer_aliases do not. The sink retries such an insert with the
-- same insert_deduplication_token and deduplicate_blocks_in_dependent_materialized_views = 1:
-- events recognises the block and skips it, and each view's target inserts only what it lacks.
-- Replicated tables deduplicate by themselves; these windows do it for single-server MergeTree.
ALTER TABLE events MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE interactions MODIFY SETTING non_replicated_deduplication_window = 10000;

ALTER TABLE customer_aliases MODIFY SETTING non_replicated_deduplication_window = 10000;
