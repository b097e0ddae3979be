-- The webhook outbox (docs/api.md §8.4): events written in the transaction of the change they
-- report, one delivery per (event, URL), delivered at least once in sequence order per stream.

-- The last sequence number given out per scope: a campaign's id, or for events outside any
-- campaign (single calls) the organization's id. Updated in the event's transaction (gap-free).
CREATE TABLE webhook_sequences (
    scope_id        UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    last_sequence   BIGINT NOT NULL
);

-- One row per event: the exact JSON body every delivery of it sends. why so few indexes (and no
-- foreign key from deliveries): both tables are written in every outcome transaction of the
-- engine; rows are only ever read by primary key, or through the deliveries' own indexes.
CREATE TABLE webhook_events (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    campaign_id     UUID,
    scope_id        UUID NOT NULL,
    sequence        BIGINT NOT NULL,
    event           VARCHAR(40) NOT NULL,
    body            VARCHAR(1000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per (event, URL). status: pending | delivered | dead. A pending row is sent once no
-- earlier pending row of its stream (scope_id, url) is left, by the node holding its lease.
CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    event_id         UUID NOT NULL, -- webhook_events.id (no foreign key: written together)
    organization_id  UUID NOT NULL,
    campaign_id      UUID,
    scope_id         UUID NOT NULL,
    sequence         BIGINT NOT NULL,
    event            VARCHAR(40) NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    status           VARCHAR(20) NOT NULL,
    attempts         INTEGER NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_owner      VARCHAR(100),
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(500),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_stream ON webhook_deliveries (scope_id, url, status, sequence);
CREATE INDEX webhook_deliveries_org ON webhook_deliveries (organization_id, created_at, id);
