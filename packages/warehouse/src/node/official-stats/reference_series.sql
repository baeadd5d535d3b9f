-- One mapped GLOTIP series for one country: the row of the latest import for each statistic
-- (a newer edition of the file supersedes an older one), as stored: no recomputation.
-- $1 iso3, $2 indicator, $3 dimension, $4 category, $5 sex, $6 age, $7 unit ('*' = any value; category,
-- sex and age may list '|'-separated spellings, e.g. 'Minor|0 to 17 years').
-- Conflicting figures for one statistic in the latest import are all returned, flagged.
WITH latest AS (
  SELECT
    *,
    rank() OVER (
      PARTITION BY iso3, lower(indicator), lower(dimension), lower(category), lower(sex), lower(age), year, lower(unit)
      ORDER BY imported_at DESC, import_id DESC
    ) AS rk
  FROM official_stats
  WHERE iso3 = $1
)
SELECT
  year, iso3, country, indicator, dimension, category, sex, age, unit,
  value, value_text, suppressed, suppressed_below, missing, coalesce(conflict, false) AS conflict, source, source_file
FROM latest
WHERE rk = 1
  AND lower(indicator) = lower($2)
  AND ($3 = '*' OR lower(dimension) = lower($3))
  AND ($4 = '*' OR list_contains(string_split(lower($4), '|'), lower(category)))
  AND ($5 = '*' OR list_contains(string_split(lower($5), '|'), lower(sex)))
  AND ($6 = '*' OR list_contains(string_split(lower($6), '|'), lower(age)))
  AND ($7 = '*' OR lower(unit) = lower($7))
ORDER BY year, category, sex, age, row_number
