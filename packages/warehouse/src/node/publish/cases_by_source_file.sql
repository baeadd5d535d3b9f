-- Cases per source file, and how many of them carry the synthetic id prefix, so the synthetic flag
-- can count synthetic cases (by id or by the file's .meta.json) against all cases.
SELECT
  CAST(source_file AS VARCHAR) AS source_file,
  CAST(count(*) AS INTEGER) AS n,
  CAST(count(*) FILTER (WHERE starts_with(CAST(case_id AS VARCHAR), 'SYN-')) AS INTEGER) AS syn
FROM cases
GROUP BY ALL
ORDER BY ALL;
