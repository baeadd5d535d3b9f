-- Candidate pairs from the capped blocking keys: one hash join over every rule at once.
CREATE OR REPLACE TEMP TABLE link_blocked AS
SELECT DISTINCT least(a.rid, b.rid) AS l, greatest(a.rid, b.rid) AS r
FROM link_keys a JOIN link_keys b ON a.rule = b.rule AND a.lk = b.rk
WHERE a.rid <> b.rid AND (NOT a.sym OR a.rid < b.rid);
