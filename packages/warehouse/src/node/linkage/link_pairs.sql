-- The level of each comparison (link_macros.sql) for every candidate pair in link_blocked:
-- -1 when either side is missing, higher = closer. Plain projections, no LATERAL: DuckDB
-- decorrelates a LATERAL subquery through a DISTINCT over every outer column (the Bloom filters
-- included), which spilled 8 GB at 100k persons.
CREATE OR REPLACE TABLE link_pairs AS
SELECT
  l, r,
  -- a name written family-first on one side compares crosswise when that agrees better
  CASE WHEN gf + fg > gg + ff THEN gf ELSE gg END AS g_given,
  CASE WHEN gf + fg > gg + ff THEN fg ELSE ff END AS g_family,
  g_birth, g_sex, g_place, g_village, g_identified
FROM (
  SELECT
    b.l, b.r,
    lk_name(l.given, r.given, l.bf_given, r.bf_given, l.ones_given, r.ones_given) AS gg,
    lk_name(l.family, r.family, l.bf_family, r.bf_family, l.ones_family, r.ones_family) AS ff,
    lk_name(l.given, r.family, l.bf_given, r.bf_family, l.ones_given, r.ones_family) AS gf,
    lk_name(l.family, r.given, l.bf_family, r.bf_given, l.ones_family, r.ones_given) AS fg,
    lk_birth(l.dob, r.dob, l.dob_sorted, r.dob_sorted, l.birth_year, r.birth_year) AS g_birth,
    lk_sex(l.sex, r.sex) AS g_sex,
    lk_place(l.origin_district, r.origin_district, l.origin_province, r.origin_province) AS g_place,
    lk_exact(l.village, r.village) AS g_village,
    lk_identified(l.identification_date, r.identification_date, l.closed_date, r.closed_date) AS g_identified
  FROM link_blocked b
  JOIN link_records l ON l.rid = b.l
  JOIN link_records r ON r.rid = b.r
);
