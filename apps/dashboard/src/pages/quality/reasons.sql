-- Rejection reasons and warnings of each import, most frequent first (hidden counts last).
SELECT i.import_id, i.source, i.imported, r.kind, r."column", r.reason, r.rows, r.suppressed
FROM quality_reasons r JOIN quality_imports i ON i.import_id = r.import_id
WHERE $1::VARCHAR IS NULL OR i.source = $1
ORDER BY i.imported DESC, i.source, i.import_id, r.kind, r.rows DESC NULLS LAST, r."column", r.reason
