-- Comparison patterns of random record pairs (almost all non-matches): the u probabilities.
-- $1: number of pairs; $2: number of records. Pairs come from two multiplicative sequences modulo
-- the record count (reproducible; hash() in a join key was 100 times slower here).
CREATE OR REPLACE TEMP TABLE link_ids AS
SELECT rid, (row_number() OVER (ORDER BY rid) - 1)::BIGINT AS i FROM link_records;
