-- $1 import_id, $2 source_file, $3 sha256, $4 sheet, $5 header_row, $6 read, $7 accepted, $8 rejected, $9 replaced.
INSERT INTO official_stats_import VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, current_timestamp::TIMESTAMP)
