-- Accepted rows. $1 source_file, $2 sha256, $3 sheet, $4 import_id.
INSERT INTO official_stats
SELECT $1, $2, $3, $4, row_number, iso3, country, region, subregion, indicator, dimension, category, sex, age,
  year, unit, value, value_text, suppressed, suppressed_below, missing, source, current_timestamp::TIMESTAMP, conflict
FROM official_typed
WHERE len(errs) = 0
