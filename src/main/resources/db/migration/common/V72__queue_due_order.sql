-- First attempts are claimed in contact id order from where the last claim ended (so a claim
-- never walks the dead index entries its predecessors left); the due index carries that order.
DROP INDEX campaign_contacts_due;
CREATE INDEX campaign_contacts_due ON campaign_contacts (campaign_id, state, next_attempt_at, contact_id);
