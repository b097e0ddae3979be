-- List order of phone numbers and of the do-not-call list (organization, then creation time).
CREATE INDEX phone_numbers_org_created ON phone_numbers (organization_id, created_at, id);
CREATE INDEX dnc_numbers_org_created ON dnc_numbers (organization_id, created_at, phone);
