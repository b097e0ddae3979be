-- Dialer (engine) additions.

-- Calls-per-second buckets are kept as "the earliest instant the next call may start" (a token
-- bucket of burst 1 on the clock); exact instants avoid float drift between nodes.
ALTER TABLE throttle_buckets ADD COLUMN next_free_at TIMESTAMP WITH TIME ZONE;

-- The reaper looks up the live calls of one (dead) node; ad-hoc calls wait with node null.
CREATE INDEX calls_node_status ON calls (node, status);
