-- The Trends view's aggregate, built once when the page first needs it: the facts cube without the
-- district grain (which no trend chart uses), so period x breakdown scans read fewer rows. The ethnic
-- group stays: it is a shared filter.
CREATE OR REPLACE TABLE agg_trend AS
SELECT
  year, quarter, month, province, sex, age_band, is_child, victim_group, ethnicity_family, ethnic_group,
  exploitation_form, destination, border_point, stage, CAST(SUM(n) AS INTEGER) AS n
FROM facts
GROUP BY ALL
ORDER BY year, quarter, month;
