-- Identified victims per period and category under the cross-filters ($1..$11).
-- $12 grain: 'year' | 'quarter' | 'month' (sub is 0 for years, else the quarter or month).
-- $13 breakdown: 'total' | 'victim_group' | 'exploitation_form' | 'destination' | 'sex_age' |
-- 'ethnicity_family' | 'outcome' | 'province'. 'sex_age' is "sex|age_band"; 'outcome' groups the
-- current stage into reintegrated (reintegration, follow_up, closed), re_trafficked, lost_contact,
-- in_process (identification .. return_reception) and other_exit (declined, referred elsewhere).
-- A null category is unknown (or, for destination, not recorded). Counts are raw: the caller suppresses.
SELECT
  year,
  CAST(CASE $12 WHEN 'quarter' THEN quarter WHEN 'month' THEN month ELSE 0 END AS INTEGER) AS sub,
  CASE $13
    WHEN 'total' THEN 'total'
    WHEN 'victim_group' THEN CAST(victim_group AS VARCHAR)
    WHEN 'exploitation_form' THEN CAST(exploitation_form AS VARCHAR)
    WHEN 'destination' THEN CAST(destination AS VARCHAR)
    WHEN 'sex_age' THEN CAST(sex AS VARCHAR) || '|' || CAST(age_band AS VARCHAR)
    WHEN 'ethnicity_family' THEN CAST(ethnicity_family AS VARCHAR)
    WHEN 'province' THEN CAST(province AS VARCHAR)
    WHEN 'outcome' THEN CASE
      WHEN stage IN ('reintegration', 'follow_up', 'closed') THEN 'reintegrated'
      WHEN stage = 're_trafficked' THEN 're_trafficked'
      WHEN stage = 'lost_contact' THEN 'lost_contact'
      WHEN stage IN ('declined_assistance', 'referred_elsewhere') THEN 'other_exit'
      WHEN stage IS NULL THEN NULL
      ELSE 'in_process'
    END
  END AS category,
  CAST(SUM(n) AS INTEGER) AS n
FROM facts
WHERE ($1 IS NULL OR year >= $1)
  AND ($2 IS NULL OR year <= $2)
  AND ($3 IS NULL OR victim_group = $3)
  AND ($4 IS NULL OR sex = $4)
  AND ($5 IS NULL OR age_band = $5)
  AND ($6 IS NULL OR ethnicity_family = $6)
  AND ($7 IS NULL OR exploitation_form = $7)
  AND ($8 IS NULL OR destination = $8)
  AND ($9 IS NULL OR border_point = $9)
  AND ($10 IS NULL OR stage = $10)
  AND ($11 IS NULL OR ethnic_group = $11)
GROUP BY ALL
ORDER BY year, sub, category
