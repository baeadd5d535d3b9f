-- The published official statistics (official_stats.arrow, as officialStatsForPublication wrote
-- them) for one country ($1 iso3): victim counts only, value NULL when suppressed or missing.
SELECT
  CAST(year AS INTEGER) AS year, indicator, dimension, category, sex, age, unit,
  value, suppressed, suppressed_below, missing, source
FROM official_stats
WHERE iso3 = $1
  AND lower(unit) = 'counts'
ORDER BY year, indicator, dimension, category, sex, age
