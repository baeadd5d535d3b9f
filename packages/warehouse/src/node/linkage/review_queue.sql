-- Pairs waiting for clerical review, most probable first, with the de-identified context of each
-- record (partner, case id, year, province, sex) and the level and weight of every comparison.
-- $1: maximum number of pairs.
SELECT
  c.left_record, c.right_record, c.match_probability, c.match_weight,
  c.g_given, c.g_family, c.g_birth, c.g_sex, c.g_place, c.g_village, c.g_identified,
  c.w_given, c.w_family, c.w_birth, c.w_sex, c.w_place, c.w_village, c.w_identified,
  l.partner AS left_partner, l.case_id AS left_case, year(l.identification_date) AS left_year,
  l.origin_province AS left_province, l.sex AS left_sex,
  r.partner AS right_partner, r.case_id AS right_case, year(r.identification_date) AS right_year,
  r.origin_province AS right_province, r.sex AS right_sex
FROM link_candidates c
JOIN link_records l ON l.rid = c.l
JOIN link_records r ON r.rid = c.r
WHERE c.outcome = 'review'
ORDER BY c.match_probability DESC, c.left_record, c.right_record
LIMIT $1;
