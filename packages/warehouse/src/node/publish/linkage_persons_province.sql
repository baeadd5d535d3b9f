-- Cases and distinct persons by the province of origin each case records (NULL = not recorded),
-- over all years: the map's "persons" view. A person recorded in two provinces counts in both.
SELECT r.origin_province AS province, count(*) AS cases, count(DISTINCT p.person_id) AS persons
FROM pub_link_persons p JOIN link_records r ON r.rid = p.rid
GROUP BY ALL ORDER BY province NULLS LAST;
