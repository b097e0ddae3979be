-- Real calls: the agent's SIP address, why the engine paused a campaign, what the provider said
-- about each call, and per-number back-off after the trunk or runtime could not take calls.
ALTER TABLE agents ADD COLUMN sip_uri VARCHAR(1000);
ALTER TABLE campaigns ADD COLUMN paused_reason VARCHAR(100);
ALTER TABLE calls ADD COLUMN disconnect_detail VARCHAR(200);
ALTER TABLE calls ADD COLUMN counts_as_attempt BOOLEAN;

CREATE TABLE line_backoffs (
    phone_number_id UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    blocked_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    failures        INTEGER NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
