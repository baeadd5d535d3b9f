-- Comparison patterns of the pairs of one training blocking rule ($1: 'name', 'given', 'family' or 'dob'),
-- with the left record drawn from a 1-in-$2 sample so that common names cannot blow up the count.
WITH k AS (
  SELECT *, CASE $1 WHEN 'name' THEN given || '|' || family WHEN 'given' THEN given WHEN 'family' THEN family ELSE dob_sorted END AS k
  FROM link_records
), l AS (SELECT * FROM k WHERE hash(rid) % $2 = 0)
SELECT
  lk_name(l.given, r.given, l.bf_given, r.bf_given, l.ones_given, r.ones_given) AS g_given,
  lk_name(l.family, r.family, l.bf_family, r.bf_family, l.ones_family, r.ones_family) AS g_family,
  lk_birth(l.dob, r.dob, l.dob_sorted, r.dob_sorted, l.birth_year, r.birth_year) AS g_birth,
  lk_sex(l.sex, r.sex) AS g_sex,
  lk_place(l.origin_district, r.origin_district, l.origin_province, r.origin_province) AS g_place,
  lk_exact(l.village, r.village) AS g_village,
  lk_identified(l.identification_date, r.identification_date, l.closed_date, r.closed_date) AS g_identified,
  count(*) AS n
FROM l JOIN k r ON l.k = r.k AND l.rid <> r.rid
GROUP BY ALL;
