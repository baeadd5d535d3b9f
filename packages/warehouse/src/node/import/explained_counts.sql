-- The rows the reasons explain, those that disagree with the insert, and the BE warnings of accepted rows.
SELECT count(*) FILTER (WHERE failed) AS bad,
count(*) FILTER (WHERE failed <> (row_number IN (SELECT row_number FROM lp_rej))) AS mismatch,
coalesce(sum(len(be)) FILTER (WHERE NOT failed), 0) AS be FROM lp_bad
