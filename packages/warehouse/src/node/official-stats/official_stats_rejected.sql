-- The quarantine list of one import, in file order.
SELECT row_number, field, value, reason
FROM official_stats_quarantine
WHERE import_id = $1
ORDER BY row_number, field
