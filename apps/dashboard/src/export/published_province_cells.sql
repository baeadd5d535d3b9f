-- The province cells as publish flagged them (complementary suppression, decided once): the totals
-- over every year when $1 is null, else the cells of year $1. What a map CSV holds by default.
SELECT province AS code, n, suppressed
FROM province_year
WHERE province IS NOT NULL
  AND (($1 IS NULL AND level = 'province_total') OR (level = 'cell' AND year = $1))
