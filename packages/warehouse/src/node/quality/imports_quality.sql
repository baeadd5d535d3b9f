-- Every committed import, newest first: the partner (--source, else the partners of its accepted
-- cases), file, counts (read = accepted + rejected).
SELECT l.import_id,
  coalesce(l.source, (SELECT string_agg(DISTINCT c.source::VARCHAR, ',' ORDER BY c.source::VARCHAR) FROM cases c WHERE c.import_id = l.import_id), '') AS source,
  l.file_name, strftime(l.started_at, '%Y-%m-%d %H:%M') AS started,
  l.rows_read, l.rows_accepted, l.rows_rejected, l.warnings
FROM import_log l
WHERE l.status = 'committed' AND coalesce(l.source, '') <> 'ctdc'
ORDER BY l.started_at DESC, l.import_id
