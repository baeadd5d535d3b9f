-- Record linkage: one row per partner record, the candidate pairs with their comparison levels and
-- weights, the model, reviewers' decisions (kept across runs) and the resulting persons.
CREATE TABLE IF NOT EXISTS link_records (
  rid INTEGER PRIMARY KEY,
  record_id VARCHAR NOT NULL UNIQUE,
  partner VARCHAR NOT NULL,
  case_id VARCHAR NOT NULL,
  submission VARCHAR NOT NULL,
  sex VARCHAR,
  origin_province VARCHAR,
  origin_district VARCHAR,
  identification_date DATE,
  closed_date DATE,
  key_id VARCHAR NOT NULL,
  given VARCHAR,
  family VARCHAR,
  bf_given BIT,
  bf_family BIT,
  ones_given INTEGER,
  ones_family INTEGER,
  dob VARCHAR,
  dob_sorted VARCHAR,
  birth_year INTEGER,
  birth_year_approx BOOLEAN,
  village VARCHAR
);
CREATE TABLE IF NOT EXISTS link_decisions (
  left_record VARCHAR NOT NULL,
  right_record VARCHAR NOT NULL,
  decision VARCHAR NOT NULL CHECK (decision IN ('confirm', 'reject')),
  reviewer VARCHAR NOT NULL,
  decided_at TIMESTAMP NOT NULL,
  note VARCHAR,
  PRIMARY KEY (left_record, right_record)
);
CREATE TABLE IF NOT EXISTS link_runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMP NOT NULL,
  records INTEGER NOT NULL,
  candidate_pairs BIGINT NOT NULL,
  auto_links BIGINT NOT NULL,
  review_pairs BIGINT NOT NULL,
  persons INTEGER NOT NULL,
  match_share DOUBLE NOT NULL,
  auto_threshold DOUBLE NOT NULL,
  review_threshold DOUBLE NOT NULL,
  em_iterations INTEGER NOT NULL
);
