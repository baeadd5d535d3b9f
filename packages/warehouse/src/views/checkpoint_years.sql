-- Cases per border checkpoint, year and direction under the cross-filters ($1..$11): the input of the
-- checkpoints' trend ranking. Returns are the deported, repatriated and self-returned groups, as in
-- the checkpoint profile and the flows.
SELECT
  CAST(border_point AS VARCHAR) AS border_point,
  CAST(year AS INTEGER) AS year,
  CAST(victim_group AS VARCHAR) IN ('deported_lao', 'repatriated_lao', 'self_returned') AS is_return,
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
  AND border_point IS NOT NULL
GROUP BY ALL
ORDER BY ALL
