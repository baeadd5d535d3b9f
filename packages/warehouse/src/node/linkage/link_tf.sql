-- Term frequencies of the name hashes, per record: two records sharing a common name ("Pao Vang")
-- is weaker evidence than sharing a rare one (Splink's term-frequency adjustment of the exact
-- level). tf_name is the full name's (either order), because given and family names are not
-- independent (a Hmong given name comes with one of a few clans): at 100k persons the full names
-- of the false links were about 7 times as frequent as the product of their parts. It leaves the
-- two records compared out (count - 2, at least 1), so one person's own reports do not make a rare
-- name common. One row per record, joined on rid: string joins on the hashes cost 4 times more.
CREATE OR REPLACE TABLE link_tf AS
SELECT rid,
  CASE WHEN given IS NOT NULL THEN count(*) OVER (PARTITION BY given) / count(given) OVER () END AS tf_given,
  CASE WHEN family IS NOT NULL THEN count(*) OVER (PARTITION BY family) / count(family) OVER () END AS tf_family,
  CASE WHEN given IS NOT NULL AND family IS NOT NULL THEN
    greatest(count(*) OVER (PARTITION BY least(given, family), greatest(given, family)) - 2, 1)
      / count(*) FILTER (WHERE given IS NOT NULL AND family IS NOT NULL) OVER ()
  END AS tf_name
FROM link_records;
