-- Calls per second held at the moment of dialing, across nodes (contract section 14): per rate
-- bucket (organization, number, campaign), the instants of its last N starts as a ring of up to N
-- rows (N = the calls one window may hold; a slot is a row from its first start on). A placing transaction locks the bucket's head row, reads
-- the ring slots it would reuse and admits a call only if the start it replaces left the window.
CREATE TABLE dial_rate_heads (
    bucket_key  VARCHAR(100) PRIMARY KEY,
    ring_size   INTEGER NOT NULL,
    next_start  BIGINT NOT NULL
);

CREATE TABLE dial_rate_starts (
    bucket_key  VARCHAR(100) NOT NULL,
    slot        INTEGER NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (bucket_key, slot)
);
