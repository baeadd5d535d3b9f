-- Where identification happens against where victims come from (issue 21): per province, the cases
-- identified there (identification_province) and the cases originating there (province), under the
-- cross-filters ($1..$11). Reads `facts`: `facts_k` carries no place of identification.
WITH f AS (
SELECT province, identification_province, n
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
), both_sides AS (
  SELECT CAST(identification_province AS VARCHAR) AS province, n AS identified, 0 AS origin
  FROM f WHERE identification_province IS NOT NULL
  UNION ALL
  SELECT CAST(province AS VARCHAR), 0, n FROM f WHERE province IS NOT NULL
)
SELECT province, CAST(SUM(identified) AS INTEGER) AS identified, CAST(SUM(origin) AS INTEGER) AS origin
FROM both_sides
GROUP BY ALL
ORDER BY ALL
