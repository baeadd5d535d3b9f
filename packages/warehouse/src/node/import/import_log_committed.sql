-- The counts of a finished import. $1 import_id, $2 read, $3 accepted, $4 rejected, $5 inserted, $6 updated, $7 warnings.
UPDATE import_log SET finished_at = current_timestamp, rows_read = $2, rows_accepted = $3, rows_rejected = $4,
rows_inserted = $5, rows_updated = $6, warnings = $7, status = 'committed' WHERE import_id = $1
