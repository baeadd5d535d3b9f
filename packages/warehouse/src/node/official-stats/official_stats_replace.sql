-- Re-importing a file replaces what the same bytes (and sheet) brought in before. $1 sha256, $2 sheet.
DELETE FROM official_stats WHERE sha256 = $1 AND sheet IS NOT DISTINCT FROM $2
