-- When a campaign last became active (started or resumed); null while it never was. The engine's
-- dial lag (docs/operations.md) counts from no earlier than this, so time spent as a draft or
-- paused is not counted as lag. Campaigns active at the upgrade count from their first start.
ALTER TABLE campaigns ADD COLUMN active_since TIMESTAMP WITH TIME ZONE;
UPDATE campaigns SET active_since = started_at WHERE status = 'active';
