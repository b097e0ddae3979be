-- The webhook outbox (docs/api.md §8.4): events written in the transaction of the change they
-- report as one delivery row per (event, URL), delivered at least once in sequence order per
-- stream.

-- The last sequence number given out per scope: a campaign's id, or for events outside any
-- campaign (single calls) the organization's id. Updated in the event's transaction (gap-free).
CREATE TABLE webhook_sequences (
    scope_id        UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    last_sequence   BIGINT NOT NULL
);

-- One row per (event, URL), carrying the event itself: the exact JSON body it sends, and the
-- event's id (the same on every delivery of one event, several URLs), name, sequence, scope and
-- campaign. why no table of events: this table is written in every outcome transaction of the
-- engine, and one row per delivery (with the usual single URL, one per event) halves the rows
-- written. status: pending | delivered | dead. A pending row is sent once no earlier pending row
-- of its stream (scope_id, url) is left, by the node holding its lease.
CREATE TABLE webhook_deliveries (
    id               UUID PRIMARY KEY,
    event_id         UUID NOT NULL, -- the event's id, shared by its deliveries to each URL
    organization_id  UUID NOT NULL,
    campaign_id      UUID,
    scope_id         UUID NOT NULL,
    sequence         BIGINT NOT NULL,
    event            VARCHAR(40) NOT NULL,
    url              VARCHAR(2000) NOT NULL,
    body             VARCHAR(1000000) NOT NULL,
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
-- Only the indexes a query needs (each costs every insert); by id (the primary key): the
-- deliverer's writes and the manual retry. Due: the claim of due stream heads in due order, the
-- next retry and the outbox depth.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
-- Stream order: whether a pending row is its stream's head, and the next run of a stream.
CREATE INDEX webhook_deliveries_stream ON webhook_deliveries (scope_id, url, status, sequence);
-- The API's list of one organization, newest first (status, event and campaign filter its rows).
CREATE INDEX webhook_deliveries_org ON webhook_deliveries (organization_id, created_at, id);
