-- Compliance (docs/api.md §12): every new rule is optional; the defaults keep the behaviour before.

-- The organization's guards on every campaign: calling hours judged in the callee's local time
-- (both null: none) and frequency caps across all its campaigns and single calls (a JSON array of
-- {max_calls, per_hours}).
ALTER TABLE organizations ADD COLUMN calling_hours_start VARCHAR(5);
ALTER TABLE organizations ADD COLUMN calling_hours_end VARCHAR(5);
ALTER TABLE organizations ADD COLUMN frequency_caps VARCHAR(1000) NOT NULL DEFAULT '[]';

-- The campaign's schedule additions: where the window is judged (campaign | contact), the local
-- dates without dialing (comma-separated YYYY-MM-DD) and the per-outcome retry policy (JSON, null:
-- every outcome retries with retry_gap_min).
ALTER TABLE campaigns ADD COLUMN window_timezone VARCHAR(10) NOT NULL DEFAULT 'campaign';
ALTER TABLE campaigns ADD COLUMN blackout_dates VARCHAR(4100) NOT NULL DEFAULT '';
ALTER TABLE campaigns ADD COLUMN retry_policy VARCHAR(2000);

-- A contact's own time zones, resolved once when it is written (its timezone, else the zones of
-- its number), sorted and space-separated; '' when none is known (the campaign's zone applies).
-- Null only until the Java migration that follows has resolved the contacts stored before.
ALTER TABLE contacts ADD COLUMN zones VARCHAR(2000);

-- The queue row carries its contact's zones, so a campaign judged in the callees' local time
-- claims from the zone groups whose window is open with one index range each, never a pass over
-- the queue. wait_reason says why the engine moved a pending contact to a later instant
-- (frequency_cap, calling_hours, window, capacity); null after an attempt's own retry gap.
ALTER TABLE campaign_contacts ADD COLUMN zone_key VARCHAR(2000) NOT NULL DEFAULT '';
ALTER TABLE campaign_contacts ADD COLUMN wait_reason VARCHAR(20);
CREATE INDEX campaign_contacts_zone_due
    ON campaign_contacts (campaign_id, state, zone_key, next_attempt_at, contact_id);

-- The zone groups present in a campaign's queue (rows are only added): a few dozen at most for a
-- national list, read by the planner instead of a DISTINCT over the queue.
CREATE TABLE campaign_zones (
    campaign_id UUID NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    zone_key    VARCHAR(2000) NOT NULL,
    PRIMARY KEY (campaign_id, zone_key)
);

-- The callee of each live attempt: one number is never in two live calls of one organization.
ALTER TABLE live_calls ADD COLUMN callee_number VARCHAR(20);
UPDATE live_calls SET callee_number = (SELECT c.callee_number FROM calls c WHERE c.id = live_calls.session_id);
CREATE INDEX live_calls_callee ON live_calls (organization_id, callee_number);
