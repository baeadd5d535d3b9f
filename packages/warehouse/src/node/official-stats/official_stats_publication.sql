-- The official statistics the publication carries: national aggregates as UNODC published them
-- (public data), the latest import of each statistic, suppressed and missing flags kept, value NULL
-- when suppressed or missing. $1 iso3, or NULL for every country in the warehouse.
WITH latest AS (
  SELECT
    *,
    rank() OVER (
      PARTITION BY iso3, lower(indicator), lower(dimension), lower(category), lower(sex), lower(age), year, lower(unit)
      ORDER BY imported_at DESC, import_id DESC
    ) AS rk
  FROM official_stats
  WHERE $1::VARCHAR IS NULL OR iso3 = $1
)
SELECT
  iso3, country, region, subregion, indicator, dimension, category, sex, age, year, unit,
  value, value_text, suppressed, suppressed_below, missing, coalesce(conflict, false) AS conflict, source, source_file, sha256
FROM latest
WHERE rk = 1
ORDER BY iso3, indicator, dimension, category, sex, age, year, row_number
