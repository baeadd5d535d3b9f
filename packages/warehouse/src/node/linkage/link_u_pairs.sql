-- See link_u_sample.sql.
SELECT
  lk_name(l.given, r.given, l.bf_given, r.bf_given, l.ones_given, r.ones_given) AS g_given,
  lk_name(l.family, r.family, l.bf_family, r.bf_family, l.ones_family, r.ones_family) AS g_family,
  lk_birth(l.dob, r.dob, l.dob_sorted, r.dob_sorted, l.birth_year, r.birth_year) AS g_birth,
  lk_sex(l.sex, r.sex) AS g_sex,
  lk_place(l.origin_district, r.origin_district, l.origin_province, r.origin_province) AS g_place,
  lk_exact(l.village, r.village) AS g_village,
  lk_identified(l.identification_date, r.identification_date, l.closed_date, r.closed_date) AS g_identified,
  count(*) AS n
FROM range($1) t(x)
JOIN link_ids a ON a.i = (x * 2654435761 + 12345) % $2
JOIN link_ids b ON b.i = (x * 40503 + 977) % $2
JOIN link_records l ON l.rid = a.rid
JOIN link_records r ON r.rid = b.rid
WHERE a.rid <> b.rid
GROUP BY ALL;
