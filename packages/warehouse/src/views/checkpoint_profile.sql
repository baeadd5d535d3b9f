-- One border checkpoint's profile in one scan, under the cross-filters ($1..$11), for checkpoint $12:
-- cases by year and direction (returns are the deported, repatriated and self-returned groups), by
-- origin province, destination, victim group, ethnic group, sex and age band. `dimension` names the breakdown, `code` the category
-- (for 'year', "YYYY|out" or "YYYY|return").
SELECT
  CASE
    WHEN GROUPING(year) = 0 THEN 'year'
    WHEN GROUPING(province) = 0 THEN 'province'
    WHEN GROUPING(destination) = 0 THEN 'destination'
    WHEN GROUPING(victim_group) = 0 THEN 'victim_group'
    WHEN GROUPING(ethnic_group) = 0 THEN 'ethnic_group'
    WHEN GROUPING(sex) = 0 THEN 'sex'
    WHEN GROUPING(age_band) = 0 THEN 'age_band'
    ELSE 'total'
  END AS dimension,
  CASE
    WHEN GROUPING(year) = 0
      THEN CAST(year AS VARCHAR) || '|' || CASE WHEN is_return THEN 'return' ELSE 'out' END
    ELSE COALESCE(
      CAST(province AS VARCHAR),
      CAST(destination AS VARCHAR),
      CAST(victim_group AS VARCHAR),
      CAST(ethnic_group AS VARCHAR),
      CAST(sex AS VARCHAR),
      CAST(age_band AS VARCHAR)
    )
  END AS code,
  CAST(SUM(n) AS INTEGER) AS n
FROM (
  SELECT *, CAST(victim_group AS VARCHAR) IN ('deported_lao', 'repatriated_lao', 'self_returned') AS is_return
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
  AND border_point = $12
)
GROUP BY GROUPING SETS (
  (year, is_return), (province), (destination), (victim_group), (ethnic_group), (sex), (age_band), ()
)
ORDER BY dimension, code
