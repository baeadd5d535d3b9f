-- Blocking keys, one row per record and rule: a pair is a candidate when one record's `lk` equals
-- the other's `rk` (symmetric rules: lk = rk; the +-1 birth-year rules: lk holds year + 1). Keys are
-- 64-bit hashes of the keyed hashes (a collision only adds a candidate pair).
CREATE OR REPLACE TEMP TABLE link_keys AS
WITH k AS (
  SELECT rid, 'name' AS rule, true AS sym, hash('n', least(given, family), greatest(given, family)) AS lk, NULL::UBIGINT AS rk
  FROM link_records WHERE given IS NOT NULL AND family IS NOT NULL
  UNION ALL
  SELECT rid, 'given+year', true, hash('gy', given, birth_year), NULL FROM link_records WHERE given IS NOT NULL AND birth_year IS NOT NULL
  UNION ALL
  SELECT rid, 'given+year+-1', false, hash('gy', given, birth_year + 1), hash('gy', given, birth_year)
  FROM link_records WHERE given IS NOT NULL AND birth_year IS NOT NULL
  UNION ALL
  SELECT rid, 'family+year', true, hash('fy', family, birth_year), NULL FROM link_records WHERE family IS NOT NULL AND birth_year IS NOT NULL
  UNION ALL
  SELECT rid, 'family+year+-1', false, hash('fy', family, birth_year + 1), hash('fy', family, birth_year)
  FROM link_records WHERE family IS NOT NULL AND birth_year IS NOT NULL
  UNION ALL
  SELECT rid, 'birth date', true, hash('d', dob_sorted), NULL FROM link_records WHERE dob_sorted IS NOT NULL
  UNION ALL
  SELECT rid, 'given+district', true, hash('gd', given, origin_district), NULL
  FROM link_records WHERE given IS NOT NULL AND origin_district IS NOT NULL
  UNION ALL
  SELECT rid, 'family+district', true, hash('fd', family, origin_district), NULL
  FROM link_records WHERE family IS NOT NULL AND origin_district IS NOT NULL
  UNION ALL
  SELECT rid, 'district+year+sex', true, hash('dys', origin_district, birth_year, sex), NULL
  FROM link_records WHERE origin_district IS NOT NULL AND birth_year IS NOT NULL AND sex IS NOT NULL
)
SELECT rid, rule, sym, lk, coalesce(rk, lk) AS rk FROM k;
