-- Room for heap-only updates of the live counters (see V71).
ALTER TABLE live_counts SET (fillfactor = 50);
