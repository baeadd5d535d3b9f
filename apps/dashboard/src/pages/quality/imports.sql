-- The committed imports of the release (of one partner when $1 is set), newest month first.
SELECT import_id, source, imported, rows_read, accepted, rejected, updated, duplicates, warnings, lag_days, suppressed
FROM quality_imports
WHERE $1::VARCHAR IS NULL OR source = $1
ORDER BY imported DESC, source, import_id
