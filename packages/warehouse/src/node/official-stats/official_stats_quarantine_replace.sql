-- $1 sha256, $2 sheet.
DELETE FROM official_stats_quarantine WHERE sha256 = $1 AND sheet IS NOT DISTINCT FROM $2
