-- Distinct comparison patterns among the candidate pairs and how many pairs show each: EM runs on these.
SELECT g_given, g_family, g_birth, g_sex, g_place, g_village, g_identified, count(*) AS n
FROM link_pairs
GROUP BY ALL;
