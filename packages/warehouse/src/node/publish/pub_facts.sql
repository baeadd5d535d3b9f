-- The de-identified cube at the grain of the dashboard's filter dimensions (docs/contracts.md 3).
CREATE OR REPLACE TEMP TABLE pub_facts AS
SELECT
  year, quarter, month, province, district, sex, age_band, is_child, victim_group, ethnicity_family,
  ethnic_group, exploitation_form, destination, border_point, stage, identification_setting,
  identification_province, first_language_lao,
  CAST(count(*) AS INTEGER) AS n
FROM pub_cases
GROUP BY ALL
ORDER BY ALL;
