-- Cases, persons and linked cases from the last linkage run; re-trafficked persons (see
-- linkage_reidentified.sql, inlined so the summary is one statement).
WITH sizes AS (
  SELECT person_id, count(*) AS n, count(DISTINCT partner) AS partners FROM pub_link_persons GROUP BY person_id
), again AS (
  SELECT DISTINCT p.person_id
  FROM pub_link_persons p
  JOIN link_records r ON r.rid = p.rid
  JOIN pub_link_persons q ON q.person_id = p.person_id AND q.rid <> p.rid
  JOIN link_records e ON e.rid = q.rid
  WHERE e.closed_date IS NOT NULL AND r.identification_date > e.closed_date
    AND r.identification_date > e.identification_date + INTERVAL 180 DAY
)
SELECT
  (SELECT count(*) FROM pub_link_persons) AS cases,
  (SELECT count(*) FROM sizes) AS persons,
  (SELECT coalesce(sum(n), 0) FROM sizes WHERE n > 1) AS linked_cases,
  (SELECT count(*) FROM sizes WHERE partners > 1) AS multi_partner_persons,
  (SELECT count(*) FROM again) AS re_trafficked_persons,
  (SELECT max(run_id) FROM link_runs) AS link_run;
