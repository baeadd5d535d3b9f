-- Referrals between provinces: a linked person whose next case (by identification date) records
-- another province than the case before it moved from the one to the other. Distinct persons per
-- (from, to), over all years; cases without a province or date are left out.
WITH c AS (
  SELECT p.person_id, r.origin_province AS province, r.identification_date AS identified, r.rid
  FROM pub_link_persons p JOIN link_records r ON r.rid = p.rid
  WHERE r.origin_province IS NOT NULL AND r.identification_date IS NOT NULL
), steps AS (
  SELECT person_id, province AS to_province,
    lag(province) OVER (PARTITION BY person_id ORDER BY identified, rid) AS from_province
  FROM c
)
SELECT from_province, to_province, count(DISTINCT person_id) AS n
FROM steps
WHERE from_province IS NOT NULL AND from_province <> to_province
GROUP BY ALL ORDER BY from_province, to_province;
