-- Moves the staged rows into link_records, replacing any earlier version of the same partner
-- record. Bloom filters become BIT strings with their popcount.
DELETE FROM link_records WHERE record_id IN (SELECT record_id FROM link_staging);
INSERT INTO link_records
SELECT
  coalesce((SELECT max(rid) FROM link_records), 0) + row_number() OVER () AS rid,
  record_id, partner, case_id, submission,
  nullif(sex, ''), nullif(origin_province, ''), nullif(origin_district, ''),
  TRY_CAST(nullif(identification_date, '') AS DATE), TRY_CAST(nullif(closed_date, '') AS DATE),
  key_id,
  nullif(given, ''), nullif(family, ''),
  CASE WHEN bf_given <> '' THEN from_hex(bf_given)::BIT END,
  CASE WHEN bf_family <> '' THEN from_hex(bf_family)::BIT END,
  CASE WHEN bf_given <> '' THEN bit_count(from_hex(bf_given)::BIT) END,
  CASE WHEN bf_family <> '' THEN bit_count(from_hex(bf_family)::BIT) END,
  nullif(dob, ''), nullif(dob_sorted, ''),
  TRY_CAST(nullif(birth_year, '') AS INTEGER), TRY_CAST(nullif(birth_year_approx, '') AS BOOLEAN),
  nullif(village, '')
FROM link_staging;
