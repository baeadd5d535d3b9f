-- Official statistics (UNODC GLOTIP and similar national aggregates). Idempotent.
-- These are published national aggregates, not case data: nothing here is personal.
CREATE TABLE IF NOT EXISTS official_stats_import (
  import_id VARCHAR PRIMARY KEY,
  source_file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  sheet VARCHAR,
  header_row INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_accepted INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  rows_replaced INTEGER NOT NULL,
  imported_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS official_stats (
  source_file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  sheet VARCHAR,
  import_id VARCHAR NOT NULL,
  row_number INTEGER NOT NULL,
  iso3 VARCHAR NOT NULL,
  country VARCHAR,
  region VARCHAR,
  subregion VARCHAR,
  indicator VARCHAR NOT NULL,
  dimension VARCHAR NOT NULL,
  category VARCHAR NOT NULL,
  sex VARCHAR NOT NULL,
  age VARCHAR NOT NULL,
  year SMALLINT NOT NULL,
  unit VARCHAR,
  -- NULL when suppressed or missing: a suppressed count is never zero.
  value DOUBLE,
  -- The cell as written ("<5", "..", "1,234").
  value_text VARCHAR,
  suppressed BOOLEAN NOT NULL,
  -- For "<5": 5, i.e. the true count is in [0, 5).
  suppressed_below INTEGER,
  missing BOOLEAN NOT NULL,
  source VARCHAR,
  imported_at TIMESTAMP NOT NULL,
  -- The file gives this statistic more than once with different values: all are kept, flagged.
  conflict BOOLEAN NOT NULL DEFAULT false,
  CHECK (NOT (suppressed AND missing)),
  CHECK (value IS NULL OR NOT (suppressed OR missing)),
  CHECK (suppressed = (suppressed_below IS NOT NULL))
);

-- One row per offending field of a rejected row.
CREATE TABLE IF NOT EXISTS official_stats_quarantine (
  import_id VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  sha256 VARCHAR NOT NULL,
  sheet VARCHAR,
  row_number INTEGER NOT NULL,
  field VARCHAR NOT NULL,
  value VARCHAR,
  reason VARCHAR NOT NULL,
  raw JSON NOT NULL
);

-- Warehouses created before the conflict flag.
ALTER TABLE official_stats ADD COLUMN IF NOT EXISTS conflict BOOLEAN DEFAULT false;
