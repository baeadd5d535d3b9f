-- De-identified working copy of the warehouse `cases` table, a TEMP table of this connection only.
-- $1/$2: HMAC-SHA256 inner/outer padded key (hex), so `pid` is a keyed pseudonym of (source, case_id).
-- No names, dates finer than month, villages or free text survive.
-- Cases screened out as not a victim (trafficking_status 'not_a_victim') are left out: no published
-- table counts them. Transgender women, transgender men and non-binary persons are published
-- together as 'transgender_non_binary' (the domain's Person.publishedSexOf), so no small group shows.
CREATE OR REPLACE TEMP TABLE pub_cases AS
WITH c AS (
  SELECT
    CAST(source AS VARCHAR) AS source,
    CAST(case_id AS VARCHAR) AS case_id,
    identification_date,
    coalesce(CAST(origin_province AS VARCHAR), left(CAST(origin_district AS VARCHAR), 4)) AS province,
    CAST(origin_district AS VARCHAR) AS district,
    CASE WHEN CAST(sex AS VARCHAR) IN ('transgender_woman', 'transgender_man', 'non_binary')
      THEN 'transgender_non_binary' ELSE CAST(sex AS VARCHAR) END AS sex,
    CAST(coalesce(
      CAST(age_years AS BIGINT),
      CASE WHEN date_of_birth IS NOT NULL THEN date_sub('year', CAST(date_of_birth AS DATE), CAST(identification_date AS DATE)) END
    ) AS INTEGER) AS age,
    CAST(victim_group AS VARCHAR) AS victim_group,
    CAST(ethnicity AS VARCHAR) AS ethnicity,
    CAST(exploitation_form AS VARCHAR) AS exploitation_form,
    CAST(destination_country AS VARCHAR) AS destination,
    CAST(border_checkpoint AS VARCHAR) AS border_point,
    CAST(identification_setting AS VARCHAR) AS identification_setting,
    coalesce(CAST(identification_province AS VARCHAR), left(CAST(identification_district AS VARCHAR), 4))
      AS identification_province,
    nullif(lower(trim(first_language)), '') AS first_language,
    CAST(exit_reason AS VARCHAR) AS exit_reason,
    interim_care_date, assessment_date, bid_date, return_date, reintegration_date, follow_up_date, closed_date
  FROM cases
  WHERE trafficking_status IS DISTINCT FROM 'not_a_victim'
)
SELECT
  sha256(unhex($2) || unhex(sha256(unhex($1) || encode(c.source || chr(31) || c.case_id)))) AS pid,
  CAST(year(identification_date) AS SMALLINT) AS year,
  CAST(quarter(identification_date) AS TINYINT) AS quarter,
  CAST(month(identification_date) AS TINYINT) AS month,
  province,
  district,
  sex,
  CASE
    WHEN age IS NULL THEN 'unknown'
    WHEN age <= 8 THEN '0-8'
    WHEN age <= 17 THEN '9-17'
    WHEN age <= 20 THEN '18-20'
    WHEN age <= 23 THEN '21-23'
    WHEN age <= 26 THEN '24-26'
    WHEN age <= 29 THEN '27-29'
    WHEN age <= 38 THEN '30-38'
    WHEN age <= 47 THEN '39-47'
    ELSE '48+'
  END AS age_band,
  CASE WHEN age IS NULL THEN NULL ELSE age < 18 END AS is_child,
  victim_group,
  coalesce(f.family, CASE WHEN ethnicity IS NULL THEN 'unknown' ELSE 'other' END) AS ethnicity_family,
  coalesce(ethnicity, 'unknown') AS ethnic_group,
  exploitation_form,
  destination,
  border_point,
  identification_setting,
  identification_province,
  -- Language needs: whether the first language is Lao (null when not recorded); the text itself is never published.
  CASE WHEN first_language IS NULL THEN NULL ELSE first_language IN ('lao', 'ລາວ', 'ພາສາລາວ', 'lao language') END
    AS first_language_lao,
  coalesce(exit_reason, CASE
    WHEN closed_date IS NOT NULL THEN 'closed'
    WHEN follow_up_date IS NOT NULL THEN 'follow_up'
    WHEN reintegration_date IS NOT NULL THEN 'reintegration'
    WHEN return_date IS NOT NULL THEN 'return_reception'
    WHEN bid_date IS NOT NULL OR assessment_date IS NOT NULL THEN 'assessment_bid'
    WHEN interim_care_date IS NOT NULL THEN 'interim_care'
    ELSE 'identification'
  END) AS stage,
  victim_group IN ('deported_lao', 'repatriated_lao', 'self_returned') AS returned
FROM c
LEFT JOIN pub_ethnic_family f ON f.ethnic_group = c.ethnicity;
