-- A failed import: nothing was written. $1 import_id, $2 file_name, $3 sha256, $4 source, $5 user, $6 message, $7 sheet.
INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, finished_at, "user", status, message)
VALUES ($1, $2, $3, $4, $7, current_timestamp, current_timestamp, $5, 'failed', $6)
