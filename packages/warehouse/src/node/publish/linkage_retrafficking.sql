-- Persons identified again after an earlier case of theirs was closed (and at least 180 days after
-- that case began, so another partner's late report of the same episode is not counted), by the
-- person's province of origin and the year of the new identification.
WITH again AS (
  SELECT p.person_id, min(r.identification_date) AS at
  FROM pub_link_persons p
  JOIN link_records r ON r.rid = p.rid
  JOIN pub_link_persons q ON q.person_id = p.person_id AND q.rid <> p.rid
  JOIN link_records e ON e.rid = q.rid
  WHERE e.closed_date IS NOT NULL AND r.identification_date > e.closed_date
    AND r.identification_date > e.identification_date + INTERVAL 180 DAY
  GROUP BY p.person_id
), origin AS (
  SELECT p.person_id, mode(r.origin_province) AS province
  FROM pub_link_persons p JOIN link_records r ON r.rid = p.rid
  GROUP BY p.person_id
)
SELECT o.province, year(a.at)::INTEGER AS year, count(*) AS n
FROM again a JOIN origin o USING (person_id)
GROUP BY ALL ORDER BY year, province;
