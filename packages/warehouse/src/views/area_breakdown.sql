-- One selected area's profile in one scan: counts by ethnic family, ethnic group, victim group, form of
-- exploitation, border checkpoint, destination and year, under the cross-filters ($1..$11), for province
-- $12 and (when not null) district $13. `dimension` names the breakdown, `code` the category.
SELECT
  CASE
    WHEN GROUPING(ethnicity_family) = 0 THEN 'ethnicity_family'
    WHEN GROUPING(ethnic_group) = 0 THEN 'ethnic_group'
    WHEN GROUPING(victim_group) = 0 THEN 'victim_group'
    WHEN GROUPING(exploitation_form) = 0 THEN 'exploitation_form'
    WHEN GROUPING(border_point) = 0 THEN 'border_point'
    WHEN GROUPING(destination) = 0 THEN 'destination'
    WHEN GROUPING(year) = 0 THEN 'year'
    ELSE 'total'
  END AS dimension,
  COALESCE(
    CAST(ethnicity_family AS VARCHAR),
    CAST(ethnic_group AS VARCHAR),
    CAST(victim_group AS VARCHAR),
    CAST(exploitation_form AS VARCHAR),
    CAST(border_point AS VARCHAR),
    CAST(destination AS VARCHAR),
    CAST(year AS VARCHAR)
  ) AS code,
  CAST(SUM(n) AS INTEGER) AS n
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
  AND province = $12
  AND ($13 IS NULL OR district = $13)
GROUP BY GROUPING SETS ((ethnicity_family), (ethnic_group), (victim_group), (exploitation_form), (border_point), (destination), (year), ())
