-- Cases with a known province; `district` NULL = district unknown within the province.
SELECT province, district, year, CAST(count(*) AS INTEGER) AS n
FROM pub_cases
WHERE province IS NOT NULL
GROUP BY ALL
ORDER BY ALL;
