-- V61, after the PostgreSQL-only V60, so databases already at V60 migrate in order.
-- The reaper looks up in-progress contacts whose lease expired (calls whose outcome never came).
CREATE INDEX campaign_contacts_lease ON campaign_contacts (lease_until);
