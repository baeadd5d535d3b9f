-- One mapped GLOTIP series for one country: the row of the latest import for each statistic
-- (a newer edition of the file supersedes an older one), as stored: no recomputation.
-- $1 iso3, $2 indicator, $3 dimension, $4 category, $5 sex, $6 age, $7 unit ('*' = any value).
WITH latest AS (
  SELECT
    *,
    row_number() OVER (
      PARTITION BY iso3, lower(indicator), lower(dimension), lower(category), lower(sex), lower(age), year, lower(unit)
      ORDER BY imported_at DESC, import_id DESC
    ) AS rk
  FROM official_stats
  WHERE iso3 = $1
)
SELECT
  year, iso3, country, indicator, dimension, category, sex, age, unit,
  value, value_text, suppressed, suppressed_below, missing, source, source_file
FROM latest
WHERE rk = 1
  AND lower(indicator) = lower($2)
  AND ($3 = '*' OR lower(dimension) = lower($3))
  AND ($4 = '*' OR lower(category) = lower($4))
  AND ($5 = '*' OR lower(sex) = lower($5))
  AND ($6 = '*' OR lower(age) = lower($6))
  AND ($7 = '*' OR lower(unit) = lower($7))
ORDER BY year, category, sex, age
