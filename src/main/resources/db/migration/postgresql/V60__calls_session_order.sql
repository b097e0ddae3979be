-- Call-session lists sort by start time (queue time while not started), then id, in both
-- directions; this index serves the newest/oldest page of an organization without a sort.
-- PostgreSQL only: H2 has no expression indexes, and the embedded store stays small.
CREATE INDEX calls_org_session_order
    ON calls (organization_id, (COALESCE(started_at, queued_at)), id);
