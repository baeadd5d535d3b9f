-- The district cells as publish flagged them: the totals over every year when $1 is null, else the
-- cells of year $1. What a map CSV holds by default.
SELECT district AS code, n, suppressed
FROM district_year
WHERE district IS NOT NULL
  AND (($1 IS NULL AND level = 'district_total') OR (level = 'cell' AND year = $1))
