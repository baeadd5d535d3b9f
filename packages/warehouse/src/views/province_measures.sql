-- The map's ethnicity and identification measures per origin province and identification setting,
-- under the cross-filters ($1..$11): cases, cases whose ethnic group is recorded (one of the groups:
-- neither 'unknown' nor 'other'), and of those the ethnic-minority cases (every group but Lao).
-- Setting null = not recorded. Reads `facts`: `facts_k` carries no identification setting.
SELECT
  CAST(province AS VARCHAR) AS province,
  CAST(identification_setting AS VARCHAR) AS identification_setting,
  CAST(SUM(n) AS INTEGER) AS n,
  CAST(coalesce(SUM(n) FILTER (WHERE ethnic_group NOT IN ('unknown', 'other')), 0) AS INTEGER)
    AS ethnicity_recorded,
  CAST(coalesce(SUM(n) FILTER (WHERE ethnic_group NOT IN ('unknown', 'other', 'lao')), 0) AS INTEGER)
    AS minority
FROM facts
WHERE ($1 IS NULL OR year >= $1)
  AND ($2 IS NULL OR year <= $2)
  AND ($3 IS NULL OR victim_group = $3)
  AND ($4 IS NULL OR sex = $4)
  AND ($5 IS NULL OR age_band = $5)
  AND ($6 IS NULL OR ethnicity_family = $6)
  AND ($7 IS NULL OR exploitation_form = $7)
  AND ($8 IS NULL OR destination = $8)
  AND ($9 IS NULL OR border_point = $9)
  AND ($10 IS NULL OR stage = $10)
  AND ($11 IS NULL OR ethnic_group = $11)
  AND province IS NOT NULL
GROUP BY ALL
ORDER BY ALL
