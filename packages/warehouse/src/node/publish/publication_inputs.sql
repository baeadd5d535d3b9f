-- What the release was built from: counts and the source files. `cases` counts victims only: a case
-- screened out as not a victim (trafficking_status 'not_a_victim') is in no published table.
SELECT
  CAST(count(*) FILTER (WHERE trafficking_status IS DISTINCT FROM 'not_a_victim') AS INTEGER) AS cases,
  list(DISTINCT CAST(source_file AS VARCHAR)) FILTER (WHERE source_file IS NOT NULL) AS source_files,
  list(DISTINCT CAST(import_id AS VARCHAR)) FILTER (WHERE import_id IS NOT NULL) AS import_ids
FROM cases;
