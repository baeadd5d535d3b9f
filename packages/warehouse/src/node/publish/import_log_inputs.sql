SELECT DISTINCT file_name AS file, sha256
FROM import_log
WHERE import_id IN (SELECT DISTINCT CAST(import_id AS VARCHAR) FROM cases)
ORDER BY ALL;
