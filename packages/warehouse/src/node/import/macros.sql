-- Parsing helpers for the generated validation SQL (temporary: they live with the connection).
-- Dates: ISO (optionally with a time), d/m/yyyy with / . or -, Excel serials (1954-2119);
-- years above 2400 are Buddhist Era and lose 543.
CREATE OR REPLACE TEMP MACRO lp_ymd(s) AS (
  CASE
    WHEN regexp_full_match(s, '\d{4}-\d{1,2}-\d{1,2}(?:[ T][0-9:.]*Z?)?')
      THEN regexp_extract(s, '^(\d{4})-(\d{1,2})-(\d{1,2})', ['y', 'm', 'd'])
    WHEN regexp_full_match(s, '\d{1,2}[/.-]\d{1,2}[/.-]\d{4}')
      THEN regexp_extract(s, '^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$', ['d', 'm', 'y'])
  END
);
CREATE OR REPLACE TEMP MACRO lp_is_be(s) AS (coalesce(TRY_CAST(lp_ymd(s).y AS INTEGER) > 2400, false));
CREATE OR REPLACE TEMP MACRO lp_date_slow(s) AS (
  CASE
    WHEN regexp_full_match(s, '\d{5}(?:\.\d+)?')
      THEN CASE WHEN TRY_CAST(s AS DOUBLE) BETWEEN 20000 AND 80000
        THEN DATE '1899-12-30' + CAST(floor(CAST(s AS DOUBLE)) AS INTEGER) END
    -- Years before 1000 are not dates here (the domain's IsoDate): DuckDB would read 0000 as 1 BC.
    WHEN TRY_CAST(lp_ymd(s).y AS INTEGER) >= 1000 THEN TRY_CAST(printf('%04d-%02d-%02d',
      TRY_CAST(lp_ymd(s).y AS INTEGER) - CASE WHEN TRY_CAST(lp_ymd(s).y AS INTEGER) > 2400 THEN 543 ELSE 0 END,
      TRY_CAST(lp_ymd(s).m AS INTEGER), TRY_CAST(lp_ymd(s).d AS INTEGER)) AS DATE)
  END
);
-- A plain ISO date from 1000 and before 2401: lp_date is then exactly the cast to DATE.
CREATE OR REPLACE TEMP MACRO lp_iso(s) AS (s >= '1000' AND s < '2401' AND strlen(s) = 10 AND s LIKE '____-__-__');
CREATE OR REPLACE TEMP MACRO lp_date(s) AS (
  CASE
    WHEN s IS NULL THEN NULL
    WHEN lp_iso(s) THEN TRY_CAST(s AS DATE)
    ELSE lp_date_slow(s)
  END
);
CREATE OR REPLACE TEMP MACRO lp_code(s) AS (regexp_replace(lower(trim(s)), '[\s-]+', '_', 'g'));
CREATE OR REPLACE TEMP MACRO lp_int(s) AS (
  CASE WHEN regexp_full_match(trim(s), '-?\d+(?:\.0+)?') THEN TRY_CAST(trim(s) AS INTEGER) END
);
CREATE OR REPLACE TEMP MACRO lp_list(s) AS (
  list_filter(list_transform(string_split(s, ';'), x -> trim(x)), x -> x <> '')
);
