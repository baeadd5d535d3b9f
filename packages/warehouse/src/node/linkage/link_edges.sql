-- The links clustering uses: automatic and confirmed candidate pairs, plus confirmed decisions on
-- pairs that no blocking rule proposed this run.
SELECT l, r FROM link_candidates WHERE outcome IN ('auto', 'confirmed')
UNION
SELECT a.rid, b.rid
FROM link_decisions d
JOIN link_records a ON a.record_id = d.left_record
JOIN link_records b ON b.record_id = d.right_record
WHERE d.decision = 'confirm';
