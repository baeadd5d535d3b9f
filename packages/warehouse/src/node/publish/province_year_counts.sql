SELECT province, year, CAST(count(*) AS INTEGER) AS n
FROM pub_cases
GROUP BY ALL
ORDER BY ALL;
