-- Every cell as text, under the canonical GLOTIP column names (read-glotip.ts), one row per data row.
CREATE OR REPLACE TEMP TABLE official_stg (
  row_number INTEGER NOT NULL,
  extra_cells INTEGER NOT NULL,
  iso3 VARCHAR,
  country VARCHAR,
  region VARCHAR,
  subregion VARCHAR,
  indicator VARCHAR,
  dimension VARCHAR,
  category VARCHAR,
  sex VARCHAR,
  age VARCHAR,
  year VARCHAR,
  unit VARCHAR,
  value VARCHAR,
  source VARCHAR
);
