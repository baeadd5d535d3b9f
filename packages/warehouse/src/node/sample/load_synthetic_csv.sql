-- Stand-in loader for a synthetic CSV until the validated importer is wired in: the `cases`
-- columns of docs/contracts.md section 2 plus the import bookkeeping columns. $1: a literal path to read, $2: the CSV path to record.
CREATE TABLE IF NOT EXISTS cases AS
SELECT
  case_id, source, identification_date, identifying_agency, identification_setting, victim_group, sex, date_of_birth, age_years,
  citizenship, ethnicity, first_language, origin_district, origin_province, border_checkpoint,
  destination_country, exploitation_district, exploitation_form, industry,
  string_split(means_of_control, ';') AS means_of_control,
  string_split(perpetrator_roles, ';') AS perpetrator_roles,
  string_split(legal_basis, ';') AS legal_basis,
  interim_care_date, assessment_date, bid_date, return_date, reintegration_date, follow_up_date, closed_date,
  exit_reason, exit_date,
  string_split(services, ';') AS services,
  referred_to, consent, victim_name, phone, village, notes, bid_outcome, bid_decided_by,
  trafficking_status, recruitment_method, recruiter_relationship, age_at_recruitment, exploitation_months,
  identification_province, identification_district,
  CAST($2 AS VARCHAR) AS source_file,
  'sample' AS import_id,
  CAST(row_number() OVER () AS INTEGER) AS row_number,
  CAST(now() AS TIMESTAMP) AS imported_at
FROM read_csv($1, header = true, auto_detect = false, columns = {
  'case_id': 'VARCHAR', 'source': 'VARCHAR', 'identification_date': 'DATE', 'identifying_agency': 'VARCHAR',
  'identification_setting': 'VARCHAR',
  'victim_group': 'VARCHAR', 'sex': 'VARCHAR', 'date_of_birth': 'DATE', 'age_years': 'INTEGER',
  'citizenship': 'VARCHAR', 'ethnicity': 'VARCHAR', 'first_language': 'VARCHAR', 'origin_district': 'VARCHAR',
  'origin_province': 'VARCHAR', 'border_checkpoint': 'VARCHAR', 'destination_country': 'VARCHAR',
  'exploitation_district': 'VARCHAR', 'exploitation_form': 'VARCHAR', 'industry': 'VARCHAR',
  'means_of_control': 'VARCHAR', 'perpetrator_roles': 'VARCHAR', 'legal_basis': 'VARCHAR',
  'interim_care_date': 'DATE', 'assessment_date': 'DATE', 'bid_date': 'DATE', 'return_date': 'DATE',
  'reintegration_date': 'DATE', 'follow_up_date': 'DATE', 'closed_date': 'DATE', 'exit_reason': 'VARCHAR',
  'exit_date': 'DATE', 'services': 'VARCHAR', 'referred_to': 'VARCHAR', 'consent': 'VARCHAR',
  'victim_name': 'VARCHAR', 'phone': 'VARCHAR', 'village': 'VARCHAR', 'notes': 'VARCHAR',
  'bid_outcome': 'VARCHAR', 'bid_decided_by': 'VARCHAR',
  'trafficking_status': 'VARCHAR', 'recruitment_method': 'VARCHAR', 'recruiter_relationship': 'VARCHAR',
  'age_at_recruitment': 'INTEGER', 'exploitation_months': 'INTEGER',
  'identification_province': 'VARCHAR', 'identification_district': 'VARCHAR'
});
