-- Completeness of each field per partner and year of identification, as published.
SELECT source, CAST(year AS INTEGER) AS year, "column", cases, filled, suppressed
FROM quality_completeness
WHERE $1::VARCHAR IS NULL OR source = $1
ORDER BY source, "column", year
