-- Engine v2: work that costs what the work costs.

-- The head row of each campaign's queue: exact contactStats counters, changed in the same
-- transaction as every state change of campaign_contacts, and the campaign's next interesting
-- instant (due contacts, window opening, earliest retry, end), so one indexed query finds the
-- campaigns with work. next_work_at is null while nothing can happen until a call ends or the
-- campaign changes; work_seq moves whenever work may have appeared, so the poll never overwrites
-- a newer wake-up with its older plan.
CREATE TABLE campaign_queues (
    campaign_id     UUID PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL,
    total           BIGINT NOT NULL,
    pending         BIGINT NOT NULL,
    in_progress     BIGINT NOT NULL,
    successful      BIGINT NOT NULL,
    no_answer       BIGINT NOT NULL,
    failed          BIGINT NOT NULL,
    contacted       BIGINT NOT NULL,
    next_work_at    TIMESTAMP WITH TIME ZONE,
    work_seq        BIGINT NOT NULL
);
CREATE INDEX campaign_queues_next_work ON campaign_queues (next_work_at);

INSERT INTO campaign_queues (campaign_id, organization_id, total, pending, in_progress,
    successful, no_answer, failed, contacted, next_work_at, work_seq)
SELECT c.id, c.organization_id,
       COUNT(cc.contact_id),
       SUM(CASE WHEN cc.state = 'pending' THEN 1 ELSE 0 END),
       SUM(CASE WHEN cc.state = 'in_progress' THEN 1 ELSE 0 END),
       SUM(CASE WHEN cc.state = 'successful' THEN 1 ELSE 0 END),
       SUM(CASE WHEN cc.state = 'no_answer' THEN 1 ELSE 0 END),
       SUM(CASE WHEN cc.state = 'failed' THEN 1 ELSE 0 END),
       SUM(CASE WHEN cc.attempts - CASE WHEN cc.state = 'in_progress' THEN 1 ELSE 0 END > 0
           THEN 1 ELSE 0 END),
       CASE WHEN c.status = 'active' THEN CURRENT_TIMESTAMP END,
       0
FROM campaigns c LEFT JOIN campaign_contacts cc ON cc.campaign_id = c.id
GROUP BY c.id, c.organization_id, c.status;
UPDATE campaign_queues SET pending = 0, in_progress = 0, successful = 0, no_answer = 0,
    failed = 0, contacted = 0 WHERE total = 0;

-- Live attempts only: a row from the claim until the outcome is written, so live counts and the
-- reaper read a table as small as the live traffic, never the call history. state: claimed (a
-- slot is reserved, nobody is rung yet) or dialing (the call was placed).
CREATE TABLE live_calls (
    session_id      UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    campaign_id     UUID,
    contact_id      UUID,
    phone_number_id UUID NOT NULL,
    attempt         INTEGER NOT NULL,
    contact_version BIGINT NOT NULL,
    node            VARCHAR(100) NOT NULL,
    state           VARCHAR(20) NOT NULL,
    lease_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX live_calls_org ON live_calls (organization_id);
CREATE INDEX live_calls_node ON live_calls (node);
CREATE INDEX live_calls_lease ON live_calls (lease_until);

-- Single calls (create-call) waiting for capacity; their call row exists as 'queued'.
CREATE TABLE waiting_calls (
    session_id      UUID PRIMARY KEY,
    organization_id UUID NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX waiting_calls_org ON waiting_calls (organization_id, queued_at);

-- Calls live at the upgrade: kept live (as placed, so never dialed again blindly).
INSERT INTO live_calls (session_id, organization_id, campaign_id, contact_id, phone_number_id,
    attempt, contact_version, node, state, lease_until, claimed_at)
SELECT c.id, c.organization_id, c.campaign_id, c.contact_id, c.phone_number_id, c.attempt,
       COALESCE(cc.version, 0), c.node, 'dialing',
       COALESCE(cc.lease_until, CURRENT_TIMESTAMP), c.queued_at
FROM calls c LEFT JOIN campaign_contacts cc
  ON cc.campaign_id = c.campaign_id AND cc.contact_id = c.contact_id
WHERE c.node IS NOT NULL AND c.status IN ('queued', 'ringing', 'in_progress');
INSERT INTO waiting_calls (session_id, organization_id, queued_at)
SELECT id, organization_id, queued_at FROM calls WHERE node IS NULL AND status = 'queued';

-- The call history no longer answers live counts: only the indexes its queries use remain.
DROP INDEX calls_live_org;
DROP INDEX calls_live_number;
DROP INDEX calls_live_campaign;
DROP INDEX calls_node_status;
DROP INDEX campaign_contacts_lease;
