-- The rejected rows as they went to quarantine (one per offending column), in row order.
SELECT row_number, e['column'] AS col, e['value'] AS value, e['reason'] AS reason
FROM (SELECT row_number, unnest(errs) AS e FROM lp_bad WHERE failed) ORDER BY row_number, col
