-- Per committed import, rejected rows by column and reason and warnings by column and message,
-- most frequent first. What a reason may quote of a row is replaced by "…": quoted cells, dates
-- (a disputed age names the date of birth) and row, line and age numbers, so reasons group and no
-- cell text is published. Counts from 1 to $1 - 1 are hidden.
WITH committed AS (
  SELECT import_id FROM import_log WHERE status = 'committed' AND coalesce(source, '') <> 'ctdc'
), grouped AS (
  SELECT import_id, 'rejected' AS kind, "column", regexp_replace(regexp_replace(regexp_replace(reason, '"[^"]*"', '"…"', 'g'), '\d{4}-\d{2}-\d{2}', '…', 'g'), '(row|line|age_years) \d+', '\1 …', 'g') AS reason,
    count(DISTINCT row_number) AS n
  FROM quarantine WHERE import_id IN (SELECT import_id FROM committed) GROUP BY ALL
  UNION ALL
  SELECT import_id, 'warning', "column", regexp_replace(regexp_replace(regexp_replace(message, '"[^"]*"', '"…"', 'g'), '\d{4}-\d{2}-\d{2}', '…', 'g'), '(row|line|age_years) \d+', '\1 …', 'g'), count(DISTINCT row_number)
  FROM import_warning WHERE import_id IN (SELECT import_id FROM committed) GROUP BY ALL
)
SELECT import_id, kind, "column", reason,
  CAST(CASE WHEN n < $1 THEN NULL ELSE n END AS INTEGER) AS rows, n < $1 AS suppressed
FROM grouped
ORDER BY import_id, kind, n DESC, "column", reason
