-- Pair counts from cluster sizes: {truth} and {predicted} are table names checked by the caller.
WITH joined AS (
  SELECT t.person_id AS truth, p.person_id AS predicted
  FROM {truth} t JOIN {predicted} p USING (record_id)
)
SELECT
  (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM joined GROUP BY truth)) AS t,
  (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM joined GROUP BY predicted)) AS p,
  (SELECT coalesce(sum(n * (n - 1) / 2), 0) FROM (SELECT count(*) AS n FROM joined GROUP BY truth, predicted)) AS c;
