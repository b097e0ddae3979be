-- Both tables are updated in place on every start; room on each page keeps those updates HOT.
ALTER TABLE dial_rate_heads SET (fillfactor = 50);
ALTER TABLE dial_rate_starts SET (fillfactor = 70);
