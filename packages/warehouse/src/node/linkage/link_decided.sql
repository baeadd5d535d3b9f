-- Every candidate pair with its probability, the automatic outcome and any reviewer decision.
-- $1: auto-link probability, $2: review probability.
CREATE OR REPLACE TABLE link_candidates AS
SELECT
  s.*,
  lr.record_id AS left_record,
  rr.record_id AS right_record,
  1 / (1 + pow(2, -s.match_weight)) AS match_probability,
  d.decision,
  d.reviewer,
  CASE
    WHEN d.decision = 'confirm' THEN 'confirmed'
    WHEN d.decision = 'reject' THEN 'rejected'
    WHEN 1 / (1 + pow(2, -s.match_weight)) >= $1 THEN 'auto'
    WHEN 1 / (1 + pow(2, -s.match_weight)) >= $2 THEN 'review'
    ELSE 'none'
  END AS outcome
FROM link_scored s
JOIN link_records lr ON lr.rid = s.l
JOIN link_records rr ON rr.rid = s.r
LEFT JOIN link_decisions d
  ON d.left_record = least(lr.record_id, rr.record_id) AND d.right_record = greatest(lr.record_id, rr.record_id);
