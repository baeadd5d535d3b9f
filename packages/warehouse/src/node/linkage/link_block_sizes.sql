-- Pairs each block would give (symmetric: n(n-1)/2; +-1 rules: left count x right count).
CREATE OR REPLACE TEMP TABLE link_block_sizes AS
WITH l AS (SELECT rule, sym, lk AS k, count(*) AS n FROM link_keys GROUP BY ALL),
r AS (SELECT rule, rk AS k, count(*) AS n FROM link_keys WHERE NOT sym GROUP BY ALL)
SELECT l.rule, l.k, CASE WHEN l.sym THEN l.n * (l.n - 1) // 2 ELSE l.n * coalesce(r.n, 0) END AS pairs, l.n AS records
FROM l LEFT JOIN r ON r.rule = l.rule AND r.k = l.k;
