-- Webhook secret rotation (docs/api.md §8.4): the replaced secret, sealed like the current one
-- (organizations.webhook_secret), still signs alongside the new one for 24 h after the rotation.
ALTER TABLE organizations ADD COLUMN previous_webhook_secret VARCHAR(1000);
ALTER TABLE organizations ADD COLUMN webhook_secret_rotated_at TIMESTAMP WITH TIME ZONE;
