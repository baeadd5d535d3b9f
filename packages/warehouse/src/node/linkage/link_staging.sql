-- Validated submission rows ($1: a CSV this process wrote, every column declared as text).
CREATE OR REPLACE TEMP TABLE link_staging AS
SELECT * FROM read_csv($1, header = true, auto_detect = false, quote = '"', escape = '"', columns = {
  'record_id': 'VARCHAR', 'partner': 'VARCHAR', 'case_id': 'VARCHAR', 'submission': 'VARCHAR',
  'sex': 'VARCHAR', 'origin_province': 'VARCHAR', 'origin_district': 'VARCHAR',
  'identification_date': 'VARCHAR', 'closed_date': 'VARCHAR', 'key_id': 'VARCHAR',
  'given': 'VARCHAR', 'family': 'VARCHAR', 'bf_given': 'VARCHAR', 'bf_family': 'VARCHAR',
  'dob': 'VARCHAR', 'dob_sorted': 'VARCHAR', 'birth_year': 'VARCHAR', 'birth_year_approx': 'VARCHAR',
  'village': 'VARCHAR'
});
