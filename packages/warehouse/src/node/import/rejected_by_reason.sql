-- The rejected rows of this import by column and reason (reasons that quote a value are grouped
-- on the text before the quote), most frequent first.
SELECT e['column'] AS "column", regexp_replace(e['reason'], ' ?"[^"]*".*$', '') AS reason,
  count(DISTINCT row_number) AS rows
FROM (SELECT row_number, unnest(errs) AS e FROM lp_bad WHERE failed)
GROUP BY ALL
ORDER BY rows DESC, "column", reason
LIMIT 20
