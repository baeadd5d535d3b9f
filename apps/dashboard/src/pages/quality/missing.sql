-- The five fields most often empty per partner, over the partner-years whose counts are shown.
SELECT source, "column", CAST(1 - sum(filled) / sum(cases) AS DOUBLE) AS missing, CAST(sum(cases) AS INTEGER) AS cases
FROM quality_completeness
WHERE NOT suppressed AND ($1::VARCHAR IS NULL OR source = $1)
GROUP BY source, "column"
QUALIFY row_number() OVER (PARTITION BY source ORDER BY sum(filled) / sum(cases), "column") <= 5
ORDER BY source, missing DESC, "column"
