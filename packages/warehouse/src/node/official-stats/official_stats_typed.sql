-- Types and checks every staged row in one pass. A value is exactly one of: a number, suppressed
-- ("<5": the count is below 5, not zero and not unknown) or missing (empty, "..", "-", "n.a.").
-- errs lists {field, value, reason} per problem; a row is accepted when errs is empty.
-- An empty Category is a real statistic (GLOTIP's "by citizenship" rows): kept, with category ''.
-- The same statistic twice with the same value: the later row is a duplicate (quarantined); with
-- different values: both are kept and flagged `conflict`, for a person to settle.
CREATE OR REPLACE TEMP TABLE official_typed AS
WITH s AS (
  SELECT
    row_number,
    extra_cells,
    nullif(trim(iso3), '') AS iso3_text,
    nullif(trim(country), '') AS country,
    nullif(trim(region), '') AS region,
    nullif(trim(subregion), '') AS subregion,
    nullif(trim(indicator), '') AS indicator,
    nullif(trim(dimension), '') AS dimension,
    coalesce(trim(category), '') AS category,
    nullif(trim(sex), '') AS sex,
    nullif(trim(age), '') AS age,
    nullif(trim(year), '') AS year_text,
    nullif(trim(unit), '') AS unit,
    nullif(trim(value), '') AS value_text,
    nullif(trim(source), '') AS source
  FROM official_stg
),
v AS (
  SELECT
    *,
    upper(iso3_text) AS iso3,
    coalesce(lower(value_text) IN ('..', '...', '…', '-', '–', '—', 'n.a.', 'n.a', 'na', 'n/a'), true) AS missing,
    nullif(regexp_extract(coalesce(value_text, ''), '^<\s*([0-9]+)$', 1), '') AS below_text,
    CASE
      WHEN regexp_matches(value_text, '^[0-9]+(\.[0-9]+)?$') THEN value_text
      WHEN regexp_matches(value_text, '^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$') THEN replace(value_text, ',', '')
      WHEN regexp_matches(value_text, '^[0-9]{1,3}([ \x{00A0}\x{202F}][0-9]{3})+(\.[0-9]+)?$')
        THEN regexp_replace(value_text, '[ \x{00A0}\x{202F}]', '', 'g')
    END AS number_text,
    TRY_CAST(regexp_extract(coalesce(year_text, ''), '^([0-9]{4})(\.0+)?$', 1) AS INTEGER) AS year_int
  FROM s
),
checked AS (
  SELECT
    *,
    list_filter([
      CASE WHEN extra_cells > 0 THEN {'field': '(row)', 'value': NULL::VARCHAR, 'reason': extra_cells || ' cell(s) beyond the last column: the row is shifted'} END,
      CASE WHEN iso3_text IS NULL THEN {'field': 'Iso3_code', 'value': NULL::VARCHAR, 'reason': 'required'}
           WHEN NOT regexp_matches(iso3, '^[A-Z]{3}$') THEN {'field': 'Iso3_code', 'value': iso3_text, 'reason': 'not an ISO 3166-1 alpha-3 code'} END,
      CASE WHEN indicator IS NULL THEN {'field': 'Indicator', 'value': NULL::VARCHAR, 'reason': 'required'} END,
      CASE WHEN dimension IS NULL THEN {'field': 'Dimension', 'value': NULL::VARCHAR, 'reason': 'required'} END,
      CASE WHEN sex IS NULL THEN {'field': 'Sex', 'value': NULL::VARCHAR, 'reason': 'required'} END,
      CASE WHEN age IS NULL THEN {'field': 'Age', 'value': NULL::VARCHAR, 'reason': 'required'} END,
      CASE WHEN year_text IS NULL THEN {'field': 'Year', 'value': NULL::VARCHAR, 'reason': 'required'}
           WHEN year_int IS NULL THEN {'field': 'Year', 'value': year_text, 'reason': 'not a year'}
           WHEN year_int < 1990 OR year_int > year(current_date) THEN {'field': 'Year', 'value': year_text, 'reason': 'outside 1990 to this year'} END,
      CASE WHEN unit IS NULL THEN {'field': 'Unit of measurement', 'value': NULL::VARCHAR, 'reason': 'required (counts and rates must not be mixed)'} END,
      CASE WHEN NOT missing AND below_text IS NULL AND number_text IS NULL
           THEN {'field': 'txtVALUE', 'value': value_text, 'reason': 'not a number, a suppressed value such as "<5", or a missing marker (.., -, n.a.)'} END
    ], e -> e IS NOT NULL) AS errs0
  FROM v
),
keyed AS (
  SELECT
    *,
    -- Same statistic twice in one file: the first row is kept, later ones are quarantined.
    CASE WHEN len(errs0) = 0 THEN min(row_number) OVER (
      PARTITION BY len(errs0) = 0, iso3, lower(indicator), lower(dimension), lower(category), lower(sex), lower(age),
        year_int, lower(coalesce(unit, '')), coalesce(value_text, '')
    ) END AS first_row,
    len(errs0) = 0 AND min(coalesce(value_text, '')) OVER k <> max(coalesce(value_text, '')) OVER k AS conflict
  FROM checked
  WINDOW k AS (
    PARTITION BY len(errs0) = 0, iso3, lower(indicator), lower(dimension), lower(category), lower(sex), lower(age),
      year_int, lower(coalesce(unit, ''))
  )
)
SELECT
  row_number,
  iso3_text,
  iso3,
  country,
  region,
  subregion,
  indicator,
  dimension,
  category,
  sex,
  age,
  year_text,
  CAST(year_int AS SMALLINT) AS year,
  unit,
  value_text,
  source,
  below_text IS NOT NULL AS suppressed,
  TRY_CAST(below_text AS INTEGER) AS suppressed_below,
  missing AND below_text IS NULL AS missing,
  CASE WHEN NOT missing AND below_text IS NULL THEN TRY_CAST(number_text AS DOUBLE) END AS value,
  coalesce(conflict, false) AS conflict,
  CASE WHEN first_row IS NOT NULL AND first_row <> row_number
    THEN [{'field': '(row)', 'value': NULL::VARCHAR, 'reason': 'duplicate of row ' || first_row || ' (same country, indicator, dimension, category, sex, age, year, unit and value)'}]
    ELSE errs0 END AS errs
FROM keyed;
