-- Blocks above the cap (variable link_max_block_pairs) are split by sex and province of origin (records without either leave
-- them); sub-blocks still above it are skipped by link_block_skip.sql.
CREATE OR REPLACE TEMP TABLE link_block_big AS SELECT rule, k FROM link_block_sizes WHERE pairs > getvariable('link_max_block_pairs');
CREATE OR REPLACE TEMP TABLE link_keys AS
SELECT k.rid, k.rule, k.sym,
  CASE WHEN bl.k IS NULL THEN k.lk ELSE hash(k.lk, r.sex, r.origin_province) END AS lk,
  CASE WHEN br.k IS NULL THEN k.rk ELSE hash(k.rk, r.sex, r.origin_province) END AS rk
FROM link_keys k
JOIN link_records r USING (rid)
LEFT JOIN link_block_big bl ON bl.rule = k.rule AND bl.k = k.lk
LEFT JOIN link_block_big br ON br.rule = k.rule AND br.k = k.rk
WHERE (bl.k IS NULL AND br.k IS NULL) OR (r.sex IS NOT NULL AND r.origin_province IS NOT NULL);
