-- Term frequencies of the name hashes: two records sharing a common name ("Pao Vang") is weaker
-- evidence than sharing a rare one (Splink's term-frequency adjustment of the exact level).
CREATE OR REPLACE TABLE link_tf AS
SELECT 'given' AS field, given AS value, count(*) / sum(count(*)) OVER () AS freq
FROM link_records WHERE given IS NOT NULL GROUP BY given
UNION ALL
SELECT 'family', family, count(*) / sum(count(*)) OVER ()
FROM link_records WHERE family IS NOT NULL GROUP BY family;
