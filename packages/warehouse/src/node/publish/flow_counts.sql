-- Outward movements cover every case with a known origin province (so they add up to the
-- province-year cell); returns are the cases of the returning victim groups (repatriated, deported,
-- self-returned), the same rule as the dashboard's flow view, assumed through the same point.
SELECT province AS origin_province, border_point, destination, 'out' AS direction, year, CAST(count(*) AS INTEGER) AS n
FROM pub_cases
WHERE province IS NOT NULL
GROUP BY ALL
UNION ALL
SELECT province, border_point, destination, 'return', year, CAST(count(*) AS INTEGER)
FROM pub_cases
WHERE province IS NOT NULL AND returned
GROUP BY ALL
ORDER BY ALL;
