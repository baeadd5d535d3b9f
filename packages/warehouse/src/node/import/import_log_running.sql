-- The import starts (inside its transaction). $1 import_id, $2 file_name, $3 sha256, $4 source, $5 user, $6 sheet.
INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, "user", status)
VALUES ($1, $2, $3, $4, $6, current_timestamp, $5, 'running')
