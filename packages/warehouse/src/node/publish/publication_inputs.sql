-- What the release was built from: counts and the source files.
SELECT
  CAST(count(*) AS INTEGER) AS cases,
  list(DISTINCT CAST(source_file AS VARCHAR)) FILTER (WHERE source_file IS NOT NULL) AS source_files,
  list(DISTINCT CAST(import_id AS VARCHAR)) FILTER (WHERE import_id IS NOT NULL) AS import_ids
FROM cases;
