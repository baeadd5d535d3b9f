-- Per committed import (newest first): partner, month (no exact date is published), counts, duplicates and timeliness. Counts from
-- 1 to $1 - 1 are hidden (NULL, `suppressed`); `lag_days` is the median number of days from
-- identification to import of the cases it still holds, hidden when they are fewer than $1.
WITH imp AS (
  SELECT l.import_id,
    coalesce(l.source, (SELECT string_agg(DISTINCT c.source::VARCHAR, ',' ORDER BY c.source::VARCHAR) FROM cases c WHERE c.import_id = l.import_id), '') AS source,
    CAST(l.started_at AS DATE) AS imported, l.started_at,
    l.rows_read, l.rows_accepted, l.rows_rejected, l.rows_updated, l.warnings,
    (SELECT count(DISTINCT q.row_number) FROM quarantine q WHERE q.import_id = l.import_id AND q.reason LIKE 'duplicate case id%') AS duplicates,
    (SELECT count(*) FROM cases c WHERE c.import_id = l.import_id) AS held,
    (SELECT median(CAST(l.started_at AS DATE) - c.identification_date) FROM cases c WHERE c.import_id = l.import_id) AS lag
  FROM import_log l
  WHERE l.status = 'committed' AND coalesce(l.source, '') <> 'ctdc'
)
SELECT import_id, source, strftime(imported, '%Y-%m') AS imported,
  CAST(CASE WHEN rows_read BETWEEN 1 AND $1 - 1 THEN NULL ELSE rows_read END AS INTEGER) AS rows_read,
  CAST(CASE WHEN rows_accepted BETWEEN 1 AND $1 - 1 THEN NULL ELSE rows_accepted END AS INTEGER) AS accepted,
  CAST(CASE WHEN rows_rejected BETWEEN 1 AND $1 - 1 THEN NULL ELSE rows_rejected END AS INTEGER) AS rejected,
  CAST(CASE WHEN rows_updated BETWEEN 1 AND $1 - 1 THEN NULL ELSE rows_updated END AS INTEGER) AS updated,
  CAST(CASE WHEN duplicates BETWEEN 1 AND $1 - 1 THEN NULL ELSE duplicates END AS INTEGER) AS duplicates,
  CAST(CASE WHEN warnings BETWEEN 1 AND $1 - 1 THEN NULL ELSE warnings END AS INTEGER) AS warnings,
  CAST(CASE WHEN held < $1 THEN NULL ELSE round(lag) END AS INTEGER) AS lag_days,
  (rows_read BETWEEN 1 AND $1 - 1) OR (rows_accepted BETWEEN 1 AND $1 - 1) OR (rows_rejected BETWEEN 1 AND $1 - 1)
    OR (rows_updated BETWEEN 1 AND $1 - 1) OR (duplicates BETWEEN 1 AND $1 - 1) OR (warnings BETWEEN 1 AND $1 - 1) AS suppressed
FROM imp
ORDER BY started_at DESC, import_id
