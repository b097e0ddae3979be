-- Agni Campaigns schema, shared by H2 (MODE=PostgreSQL) and PostgreSQL 15+.
-- Every tenant-owned row carries organization_id; every query filters on it.

CREATE TABLE organizations (
    id                      UUID PRIMARY KEY,
    name                    VARCHAR(200) NOT NULL,
    default_region          VARCHAR(2) NOT NULL,
    outbound_max_concurrent INTEGER NOT NULL,
    outbound_max_cps        DOUBLE PRECISION NOT NULL,
    webhook_secret          VARCHAR(100) NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_keys (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id),
    name            VARCHAR(200),
    prefix          VARCHAR(20) NOT NULL,
    key_hash        VARCHAR(64) NOT NULL UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_keys_org ON api_keys (organization_id);

CREATE TABLE agents (
    id                         UUID PRIMARY KEY,
    organization_id            UUID NOT NULL REFERENCES organizations (id),
    name                       VARCHAR(500) NOT NULL,
    agent_name                 VARCHAR(500),
    status                     VARCHAR(20) NOT NULL,
    ring_duration_ms           INTEGER NOT NULL,
    max_call_duration_ms       INTEGER NOT NULL,
    enable_voicemail_detection BOOLEAN,
    webhook_urls               VARCHAR(100000) NOT NULL, -- JSON array of strings
    prompt                     VARCHAR(1000000),
    begin_message              VARCHAR(100000),
    extra                      VARCHAR(1000000) NOT NULL, -- JSON object: other documented fields, as given
    created_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX agents_org_created ON agents (organization_id, created_at);

CREATE TABLE phone_numbers (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id),
    phone_number    VARCHAR(20) NOT NULL,
    friendly_name   VARCHAR(500),
    provider        VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL, -- active | released
    max_concurrent  INTEGER,
    max_cps         DOUBLE PRECISION,
    sip_trunk_uri   VARCHAR(1000),
    sip_username    VARCHAR(500),
    sip_password    VARCHAR(500),
    runtime_url     VARCHAR(2000),
    runtime_secret  VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT phone_numbers_org_number UNIQUE (organization_id, phone_number)
);

CREATE TABLE contacts (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id),
    first_name      VARCHAR(500),
    last_name       VARCHAR(500),
    email           VARCHAR(500),
    phone           VARCHAR(20) NOT NULL,
    company         VARCHAR(500),
    timezone        VARCHAR(64),
    metadata        VARCHAR(1000000) NOT NULL, -- JSON object
    tags            VARCHAR(100000) NOT NULL,  -- JSON array of strings
    notes           VARCHAR(100000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT contacts_org_phone UNIQUE (organization_id, phone)
);
CREATE INDEX contacts_org_created ON contacts (organization_id, created_at, id);

CREATE TABLE dnc_numbers (
    organization_id UUID NOT NULL REFERENCES organizations (id),
    phone           VARCHAR(20) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, phone)
);

CREATE TABLE campaigns (
    id                      UUID PRIMARY KEY,
    organization_id         UUID NOT NULL REFERENCES organizations (id),
    name                    VARCHAR(500) NOT NULL,
    agent_id                UUID NOT NULL,
    phone_number_id         UUID NOT NULL,
    from_phone_number       VARCHAR(20) NOT NULL,
    status                  VARCHAR(20) NOT NULL, -- draft | active | paused | completed
    execution_status        VARCHAR(20) NOT NULL, -- draft | running | paused | completed
    schedule_start          TIMESTAMP WITH TIME ZONE,
    schedule_end            TIMESTAMP WITH TIME ZONE,
    window_start            VARCHAR(5) NOT NULL,  -- HH:mm local wall-clock
    window_end              VARCHAR(5) NOT NULL,
    window_days             VARCHAR(20) NOT NULL, -- comma-separated, 0 = Sunday
    timezone                VARCHAR(64) NOT NULL,
    max_concurrent          INTEGER NOT NULL,
    retry_attempts          INTEGER NOT NULL,
    retry_gap_min           INTEGER NOT NULL,
    outbound_max_concurrent INTEGER,              -- null: the organization's cap
    outbound_max_cps        DOUBLE PRECISION,     -- null: the organization's cap
    started_at              TIMESTAMP WITH TIME ZONE,
    completed_at            TIMESTAMP WITH TIME ZONE,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    version                 BIGINT NOT NULL
);
CREATE INDEX campaigns_org_created ON campaigns (organization_id, created_at);
CREATE INDEX campaigns_status ON campaigns (status);

-- The dialing queue and the single source of truth for contactStats.
CREATE TABLE campaign_contacts (
    campaign_id       UUID NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    contact_id        UUID NOT NULL REFERENCES contacts (id),
    organization_id   UUID NOT NULL,
    state             VARCHAR(20) NOT NULL, -- pending | in_progress | successful | no_answer | failed
    attempts          INTEGER NOT NULL,     -- attempts started
    next_attempt_at   TIMESTAMP WITH TIME ZONE, -- null: due now (first attempt)
    last_outcome      VARCHAR(30),
    last_reason       VARCHAR(200),
    last_duration_sec INTEGER,
    lease_owner       VARCHAR(100),
    lease_until       TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL,
    added_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (campaign_id, contact_id)
);
CREATE INDEX campaign_contacts_due ON campaign_contacts (campaign_id, state, next_attempt_at);
CREATE INDEX campaign_contacts_contact ON campaign_contacts (contact_id);

-- One row per call attempt (a call session); kept when its campaign is deleted.
CREATE TABLE calls (
    id                UUID PRIMARY KEY, -- the session id
    organization_id   UUID NOT NULL,
    campaign_id       UUID,
    contact_id        UUID,
    agent_id          UUID,
    phone_number_id   UUID,
    attempt           INTEGER NOT NULL,
    channel           VARCHAR(20) NOT NULL,
    caller_number     VARCHAR(20) NOT NULL,
    callee_number     VARCHAR(20) NOT NULL,
    status            VARCHAR(20) NOT NULL, -- queued | ringing | in_progress | completed | no_answer | busy | voicemail | failed
    disconnect_reason VARCHAR(200),
    node              VARCHAR(100),
    provider          VARCHAR(20),
    provider_ref      VARCHAR(200),
    metadata          VARCHAR(1000000),
    queued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    answered_at       TIMESTAMP WITH TIME ZONE,
    ended_at          TIMESTAMP WITH TIME ZONE,
    duration_sec      INTEGER,
    heartbeat_at      TIMESTAMP WITH TIME ZONE,
    version           BIGINT NOT NULL
);
CREATE INDEX calls_org_started ON calls (organization_id, started_at);
CREATE INDEX calls_campaign ON calls (campaign_id, contact_id);
CREATE INDEX calls_contact ON calls (contact_id, started_at);
CREATE INDEX calls_callee ON calls (organization_id, callee_number, started_at);
CREATE INDEX calls_live_org ON calls (organization_id, status);
CREATE INDEX calls_live_number ON calls (phone_number_id, status);
CREATE INDEX calls_live_campaign ON calls (campaign_id, status);

-- Calls-per-second token buckets shared by every node (campaign, phone number, organization).
CREATE TABLE throttle_buckets (
    bucket_key VARCHAR(100) PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Engine nodes and their heartbeats; calls of a node whose heartbeat expired are reaped.
CREATE TABLE engine_nodes (
    node_id      VARCHAR(100) PRIMARY KEY,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Idempotency-Key of campaign creation: the first answer, replayed for 24 h.
CREATE TABLE idempotency_keys (
    organization_id UUID NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    response        VARCHAR(1000000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (organization_id, idempotency_key)
);
