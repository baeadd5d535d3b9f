/**
 * A small deterministic `facts` cube for the view tests (the shape of contracts.md section 3), made in
 * SQL so the tests need no published release. LA15 has no cases at all; LA18 has exactly 3.
 */
import type { Connector } from "../src/Connector.ts"

export const FIXTURE_FACTS_SQL = `
CREATE OR REPLACE TABLE fixture_cases AS
SELECT
  CAST(2019 + hash(i, 'y') % 6 AS SMALLINT) AS year,
  CAST(1 + hash(i, 'm') % 12 AS TINYINT) AS month,
  ['LA01','LA01','LA01','LA02','LA03','LA04','LA05','LA06','LA06','LA07','LA08','LA09','LA10','LA11','LA12','LA13','LA13','LA14','LA16','LA17'][CAST(1 + hash(i, 'p') % 20 AS INTEGER)] AS province,
  CAST(1 + hash(i, 'd') % 3 AS INTEGER) AS dnum,
  ['female','female','female','male','male','unknown'][CAST(1 + hash(i, 's') % 6 AS INTEGER)] AS sex,
  ['0-8','9-17','9-17','18-20','21-23','24-26','27-29','30-38','39-47','48+','unknown'][CAST(1 + hash(i, 'a') % 11 AS INTEGER)] AS age_band,
  ['local_lao','repatriated_lao','repatriated_lao','foreign_in_lao','deported_lao','self_returned','intercepted'][CAST(1 + hash(i, 'v') % 7 AS INTEGER)] AS victim_group,
  ['lao','lao','khmu','hmong','akha','tai_dam','unknown'][CAST(1 + hash(i, 'e') % 7 AS INTEGER)] AS ethnic_group,
  ['sexual_exploitation','forced_labour','forced_labour','forced_marriage','child_labour','servitude','forced_begging','online_scam','other'][CAST(1 + hash(i, 'x') % 9 AS INTEGER)] AS exploitation_form,
  ['THA','THA','THA','CHN','CHN','VNM','MYS','LAO',NULL][CAST(1 + hash(i, 'c') % 9 AS INTEGER)] AS destination,
  ['T1','T2','T3','T4','C1','C2','V1','V2',NULL,NULL][CAST(1 + hash(i, 'b') % 10 AS INTEGER)] AS border_point,
  ['identification','interim_care','assessment_bid','return_reception','reintegration','follow_up','closed','declined_assistance','lost_contact','re_trafficked','referred_elsewhere'][CAST(1 + hash(i, 'g') % 11 AS INTEGER)] AS stage,
  hash(i, 'l') % 4 AS lang,
  ['border_checkpoint','border_checkpoint','bus_station','boat_pier','workplace_inspection','cpn_referral','hotline','repatriation',NULL][CAST(1 + hash(i, 'w') % 9 AS INTEGER)] AS identification_setting,
  hash(i, 'ip') % 4 AS ip
FROM range(4000) t(i)
UNION ALL
SELECT 2021, 5, 'LA18', 1, 'female', '18-20', 'repatriated_lao', 'hmong', 'forced_labour', 'THA', 'T1', 'closed', 0, 'repatriation', 1
FROM range(3);

CREATE OR REPLACE TABLE facts AS
SELECT
  year,
  CAST((month - 1) // 3 + 1 AS TINYINT) AS quarter,
  month,
  province,
  province || lpad(CAST(dnum AS VARCHAR), 2, '0') AS district,
  sex,
  age_band,
  CASE WHEN age_band IN ('0-8', '9-17') THEN true WHEN age_band = 'unknown' THEN NULL ELSE false END AS is_child,
  victim_group,
  CASE ethnic_group
    WHEN 'lao' THEN 'lao_tai' WHEN 'tai_dam' THEN 'lao_tai' WHEN 'khmu' THEN 'mon_khmer'
    WHEN 'hmong' THEN 'hmong_mien' WHEN 'akha' THEN 'sino_tibetan' ELSE 'unknown'
  END AS ethnicity_family,
  ethnic_group,
  exploitation_form,
  destination,
  border_point,
  stage,
  identification_setting,
  -- identified in the province of origin for half the cases, in the capital or Savannakhet, or not recorded
  CASE WHEN ip <= 1 THEN province WHEN ip = 2 THEN 'LA01' WHEN lang = 0 THEN NULL ELSE 'LA13' END
    AS identification_province,
  -- first language recorded for three cases in four; Lao for Lao and Tai Dam, and for some others
  CASE WHEN lang = 0 THEN NULL ELSE ethnic_group IN ('lao', 'tai_dam') OR lang = 1 END AS first_language_lao,
  CAST(count(*) AS INTEGER) AS n
FROM fixture_cases
GROUP BY ALL;
DROP TABLE fixture_cases;
`

export const loadFixtureFacts = (conn: Connector): Promise<void> => conn.exec(FIXTURE_FACTS_SQL)
