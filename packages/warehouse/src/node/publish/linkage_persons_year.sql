-- Cases and distinct persons identified each year.
SELECT year(r.identification_date)::INTEGER AS year, count(*) AS cases, count(DISTINCT p.person_id) AS persons
FROM pub_link_persons p JOIN link_records r ON r.rid = p.rid
WHERE r.identification_date IS NOT NULL
GROUP BY ALL ORDER BY year;
