-- Candidate pairs: the union of the blocking rules (equal keyed hashes only, so hash joins).
CREATE OR REPLACE TABLE link_blocked AS
  SELECT l.rid AS l, r.rid AS r FROM link_records l JOIN link_records r
    ON l.given = r.given AND l.family = r.family AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.given = r.family AND l.family = r.given AND l.rid <> r.rid AND least(l.rid, r.rid) = l.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.given = r.given AND l.birth_year = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.given = r.given AND l.birth_year + 1 = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.given = r.given AND l.birth_year - 1 = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.family = r.family AND l.birth_year = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.family = r.family AND l.birth_year + 1 = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.family = r.family AND l.birth_year - 1 = r.birth_year AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.dob_sorted = r.dob_sorted AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.given = r.given AND l.origin_district = r.origin_district AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.family = r.family AND l.origin_district = r.origin_district AND l.rid < r.rid
  UNION
  SELECT l.rid, r.rid FROM link_records l JOIN link_records r
    ON l.origin_district = r.origin_district AND l.birth_year = r.birth_year AND l.sex = r.sex AND l.rid < r.rid;
