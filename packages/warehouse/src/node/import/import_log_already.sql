-- "already imported": the counts of the import that loaded these bytes.
INSERT INTO import_log (import_id, file_name, sha256, source, sheet, started_at, finished_at, rows_read, rows_accepted,
rows_rejected, warnings, "user", status, message)
VALUES ($1, $2, $3, $4, $11, current_timestamp, current_timestamp, $5, $6, $7, $8, $9, 'already_imported', $10)
