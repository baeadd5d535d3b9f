-- Cases by the province where they were identified (NULL: not recorded) and year, from the
-- de-identified pub_cases; suppressed in identified.ts like province_year.
SELECT identification_province AS province, year, CAST(count(*) AS INTEGER) AS n
FROM pub_cases
GROUP BY ALL
ORDER BY ALL;
