-- Our yearly counts for each measure of the official-statistics mapping (measure-mapping.ts),
-- under the cross-filters ($1..$11): one column per measure, named after it.
SELECT
  year,
  CAST(SUM(n) AS INTEGER) AS victims_total,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'female'), 0) AS INTEGER) AS victims_female,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'male'), 0) AS INTEGER) AS victims_male,
  CAST(COALESCE(SUM(n) FILTER (WHERE is_child), 0) AS INTEGER) AS victims_minor,
  CAST(COALESCE(SUM(n) FILTER (WHERE NOT is_child), 0) AS INTEGER) AS victims_adult,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'female' AND is_child), 0) AS INTEGER) AS victims_girls,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'male' AND is_child), 0) AS INTEGER) AS victims_boys,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'female' AND NOT is_child), 0) AS INTEGER) AS victims_women,
  CAST(COALESCE(SUM(n) FILTER (WHERE sex = 'male' AND NOT is_child), 0) AS INTEGER) AS victims_men,
  CAST(COALESCE(SUM(n) FILTER (WHERE exploitation_form = 'sexual_exploitation'), 0) AS INTEGER) AS form_sexual_exploitation,
  CAST(COALESCE(SUM(n) FILTER (WHERE exploitation_form = 'forced_labour'), 0) AS INTEGER) AS form_forced_labour,
  CAST(COALESCE(SUM(n) FILTER (WHERE exploitation_form = 'forced_marriage'), 0) AS INTEGER) AS form_forced_marriage,
  CAST(COALESCE(SUM(n) FILTER (WHERE exploitation_form = 'forced_begging'), 0) AS INTEGER) AS form_begging
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
GROUP BY year
ORDER BY year
