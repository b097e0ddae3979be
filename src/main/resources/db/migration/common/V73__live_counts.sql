-- Live calls counted by counters, changed in the same transaction as the live_calls rows they
-- count. why: without a vacuum, every inserted and deleted live row leaves a dead index entry,
-- and counting an organization's live calls through an index walked them all (the count grew with
-- the calls made, not the calls live). Counter updates change no indexed column, so they stay
-- heap-only. campaign_key is the campaign, or the nil UUID for single calls.
CREATE TABLE live_counts (
    organization_id UUID NOT NULL,
    campaign_key    UUID NOT NULL,
    phone_number_id UUID NOT NULL,
    live            INTEGER NOT NULL,
    PRIMARY KEY (organization_id, campaign_key, phone_number_id)
);
INSERT INTO live_counts (organization_id, campaign_key, phone_number_id, live)
SELECT organization_id, COALESCE(campaign_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
       phone_number_id, COUNT(*)
FROM live_calls
GROUP BY organization_id, COALESCE(campaign_id, CAST('00000000-0000-0000-0000-000000000000' AS UUID)),
         phone_number_id;
DROP INDEX live_calls_org;
