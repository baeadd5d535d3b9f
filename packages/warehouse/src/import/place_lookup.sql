CREATE OR REPLACE TEMP TABLE lp_place (
  col VARCHAR NOT NULL,
  raw VARCHAR NOT NULL,
  hint VARCHAR,
  code VARCHAR,
  province VARCHAR,
  reason VARCHAR
);
