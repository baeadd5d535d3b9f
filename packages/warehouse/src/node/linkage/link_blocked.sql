-- The bare blocking self-join (the bench's baseline): the union of the blocking rules on the keyed
-- hashes, no block-size cap. Linking uses link_keys.sql and link_candidate_pairs.sql instead.
CREATE OR REPLACE TEMP TABLE link_bare AS
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
