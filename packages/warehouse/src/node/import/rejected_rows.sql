-- Rejected rows = the input's row numbers that were not inserted (a hash anti join, no sort). $1 import_id.
CREATE OR REPLACE TEMP TABLE lp_rej AS SELECT row_number FROM lp_rows
ANTI JOIN (SELECT row_number FROM cases WHERE import_id = $1) c USING (row_number)
