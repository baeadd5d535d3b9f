-- The committed import of the same bytes, source and sheet, if any. $1 sha256, $2 source, $3 sheet.
SELECT import_id, rows_read, rows_accepted, rows_rejected, warnings FROM import_log
WHERE sha256 = $1 AND source IS NOT DISTINCT FROM $2 AND sheet IS NOT DISTINCT FROM $3 AND status = 'committed'
ORDER BY started_at DESC LIMIT 1
