-- Rows an earlier import of the same bytes (and sheet) brought in. $1 sha256, $2 sheet.
SELECT count(*) AS n FROM official_stats WHERE sha256 = $1 AND sheet IS NOT DISTINCT FROM $2
