-- Comparison levels shared by the candidate pairs and the random pairs that estimate u.
CREATE OR REPLACE MACRO lk_dice(a, b, na, nb) AS 2.0 * bit_count(a & b) / nullif(na + nb, 0);
CREATE OR REPLACE MACRO lk_name_level(h1, h2, d) AS CASE
  WHEN h1 IS NULL OR h2 IS NULL THEN -1
  WHEN h1 = h2 THEN 3
  WHEN d >= 0.8 THEN 2
  WHEN d >= 0.6 THEN 1
  ELSE 0 END;
-- the Dice coefficient is computed only when the hashes differ, and once
CREATE OR REPLACE MACRO lk_name(h1, h2, a, b, na, nb) AS lk_name_level(h1, h2,
  CASE WHEN h1 IS NULL OR h2 IS NULL OR h1 = h2 THEN 1.0 ELSE lk_dice(a, b, na, nb) END);
CREATE OR REPLACE MACRO lk_birth(d1, d2, s1, s2, y1, y2) AS CASE
  WHEN d1 IS NOT NULL AND d1 = d2 THEN 4
  WHEN s1 IS NOT NULL AND s1 = s2 THEN 3
  WHEN y1 IS NULL OR y2 IS NULL THEN -1
  WHEN y1 = y2 THEN 2
  WHEN abs(y1 - y2) = 1 THEN 1
  ELSE 0 END;
CREATE OR REPLACE MACRO lk_sex(a, b) AS CASE
  WHEN a IS NULL OR b IS NULL OR a = 'unknown' OR b = 'unknown' THEN -1
  WHEN a = b THEN 1 ELSE 0 END;
CREATE OR REPLACE MACRO lk_place(d1, d2, p1, p2) AS CASE
  WHEN d1 IS NOT NULL AND d1 = d2 THEN 2
  WHEN p1 IS NULL OR p2 IS NULL THEN -1
  WHEN p1 = p2 THEN 1
  ELSE 0 END;
-- identification dates: 2 within 90 days (one episode, interception to return, seen by several
-- partners); 1 further apart, the later identified after the earlier case was closed (re-trafficking);
-- 0 further apart while the earlier case was open or has no closing date
CREATE OR REPLACE MACRO lk_identified(a, b, ca, cb) AS CASE
  WHEN a IS NULL OR b IS NULL THEN -1
  WHEN abs(date_diff('day', a, b)) <= 90 THEN 2
  WHEN (a < b AND ca <= b) OR (b < a AND cb <= a) THEN 1
  ELSE 0 END;
CREATE OR REPLACE MACRO lk_exact(a, b) AS CASE
  WHEN a IS NULL OR b IS NULL THEN -1
  WHEN a = b THEN 1 ELSE 0 END;
