-- Tables that do not depend on the domain's vocabularies. Idempotent.
CREATE TABLE IF NOT EXISTS schema_migrations (
  version VARCHAR PRIMARY KEY,
  applied_at TIMESTAMP NOT NULL,
  ddl VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS import_log (
  import_id VARCHAR PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  source VARCHAR,
  sheet VARCHAR,
  started_at TIMESTAMP NOT NULL,
  finished_at TIMESTAMP,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_accepted INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  rows_inserted INTEGER NOT NULL DEFAULT 0,
  rows_updated INTEGER NOT NULL DEFAULT 0,
  warnings INTEGER NOT NULL DEFAULT 0,
  "user" VARCHAR NOT NULL,
  status VARCHAR NOT NULL, -- committed | already_imported | failed
  message VARCHAR
);

-- One row per offending column of a rejected row.
CREATE TABLE IF NOT EXISTS quarantine (
  import_id VARCHAR NOT NULL,
  row_number INTEGER NOT NULL,
  "column" VARCHAR NOT NULL,
  value VARCHAR,
  reason VARCHAR NOT NULL,
  raw JSON NOT NULL
);

-- Accepted values that were changed on the way in (Buddhist Era years, ...).
CREATE TABLE IF NOT EXISTS import_warning (
  import_id VARCHAR NOT NULL,
  row_number INTEGER NOT NULL,
  "column" VARCHAR NOT NULL,
  value VARCHAR,
  message VARCHAR NOT NULL
);

-- Files `lao-protect synth` wrote for this warehouse (by SHA-256 of their bytes). A case is
-- synthetic only when the import that loaded it read bytes listed here: ids and sidecars prove nothing.
CREATE TABLE IF NOT EXISTS synthetic_input (
  sha256 VARCHAR PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  seed BIGINT NOT NULL,
  cases INTEGER NOT NULL,
  recorded_at TIMESTAMP NOT NULL
);

-- CTDC records (2024 synthetic or legacy Global Dataset layout), as read by `import-ctdc`:
-- reference data beside the cases, never mixed with them. Flags are the 2024 variable names.
CREATE TABLE IF NOT EXISTS ctdc_record (
  import_id VARCHAR NOT NULL,
  row_number INTEGER NOT NULL,
  layout VARCHAR NOT NULL,
  year_of_registration INTEGER,
  sex VARCHAR NOT NULL,
  age_band VARCHAR NOT NULL,
  citizenship VARCHAR,
  country_of_exploitation VARCHAR,
  traffick_months VARCHAR,
  flags VARCHAR[] NOT NULL
);
