-- Match weight of every candidate pair: the prior log2-odds ($1) plus, per comparison, log2(m/u)
-- of the level observed (0 when missing); an exact name agreement uses the name's own frequency
-- in place of u (term-frequency adjustment), so common names weigh less. When both names agree
-- exactly, the full name's frequency replaces the product of the two (link_tf.sql): the log2 of
-- their ratio is shared equally between the given and the family weight.
CREATE OR REPLACE TABLE link_scored AS
WITH w AS (
  SELECT
    p.l, p.r, p.g_given, p.g_family, p.g_birth, p.g_sex, p.g_place, p.g_village, p.g_identified,
    CASE WHEN p.g_given = 3 AND t.tf_given IS NOT NULL THEN log2(w1.m / t.tf_given) ELSE coalesce(w1.weight, 0) END
      + CASE WHEN p.g_given = 3 AND p.g_family = 3 THEN coalesce(log2(t.tf_given * t.tf_family / t.tf_name) / 2, 0) ELSE 0 END AS w_given,
    CASE WHEN p.g_family = 3 AND t.tf_family IS NOT NULL THEN log2(w2.m / t.tf_family) ELSE coalesce(w2.weight, 0) END
      + CASE WHEN p.g_given = 3 AND p.g_family = 3 THEN coalesce(log2(t.tf_given * t.tf_family / t.tf_name) / 2, 0) ELSE 0 END AS w_family,
    coalesce(w3.weight, 0) AS w_birth,
    coalesce(w4.weight, 0) AS w_sex,
    coalesce(w5.weight, 0) AS w_place,
    coalesce(w6.weight, 0) AS w_village,
    coalesce(w7.weight, 0) AS w_identified
  FROM link_pairs p
  JOIN link_tf t ON t.rid = p.l
  LEFT JOIN link_params w1 ON w1.comparison = 'given' AND w1.level = p.g_given
  LEFT JOIN link_params w2 ON w2.comparison = 'family' AND w2.level = p.g_family
  LEFT JOIN link_params w3 ON w3.comparison = 'birth' AND w3.level = p.g_birth
  LEFT JOIN link_params w4 ON w4.comparison = 'sex' AND w4.level = p.g_sex
  LEFT JOIN link_params w5 ON w5.comparison = 'place' AND w5.level = p.g_place
  LEFT JOIN link_params w6 ON w6.comparison = 'village' AND w6.level = p.g_village
  LEFT JOIN link_params w7 ON w7.comparison = 'identified' AND w7.level = p.g_identified
)
SELECT *, $1 + w_given + w_family + w_birth + w_sex + w_place + w_village + w_identified AS match_weight FROM w;
