-- Room on each page for heap-only (HOT) updates: a call row's later writes (answered, finished)
-- and the counters of a campaign's queue touch no indexed column, so they stay on their page and
-- add no index entries, with or without autovacuum.
ALTER TABLE calls SET (fillfactor = 80);
ALTER TABLE live_calls SET (fillfactor = 70);
ALTER TABLE campaign_queues SET (fillfactor = 50);
